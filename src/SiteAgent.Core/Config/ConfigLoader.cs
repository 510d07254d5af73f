using SiteAgent.Backends.Settings;
using SiteAgent.Core.Backends;

namespace SiteAgent.Core.Config;

/// <summary>Loads the agent's YAML config file: read, parse, validate, all problems at once.</summary>
public sealed class ConfigLoader
{
    /// <summary>The conventional production path.</summary>
    public const string DefaultPath = "/etc/waldur/waldur-site-agent-config.yaml";

    /// <summary>The reference agent's default: a file of this name in the working directory.</summary>
    public const string ReferenceDefaultPath = "waldur-site-agent-config.yaml";

    private readonly BackendCatalog _catalog;

    /// <summary>Creates a loader that accepts the backends of <paramref name="catalog"/>.</summary>
    public ConfigLoader(BackendCatalog catalog) => _catalog = catalog;

    /// <summary>Loads a file; never throws for a bad file, the problems say what is wrong.</summary>
    public ConfigLoadResult Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problems = new ConfigProblems();
            problems.Error(string.Empty, DescribeReadFailure(fullPath, ex), null);
            return new ConfigLoadResult(fullPath, null, problems.Items, new SecretRegistry());
        }

        return LoadText(fullPath, text);
    }

    /// <summary>Loads config text as if read from <paramref name="path"/>.</summary>
    public ConfigLoadResult LoadText(string path, string text)
    {
        var problems = new ConfigProblems();
        var secrets = new SecretRegistry();
        var root = YamlTreeParser.Parse(text, problems);
        if (root is null)
        {
            return new ConfigLoadResult(path, null, problems.Items, secrets);
        }

        var config = AgentConfigReader.Read(path, root, _catalog, problems, secrets);
        return new ConfigLoadResult(path, problems.HasErrors ? null : config, problems.Items, secrets);
    }

    private static string DescribeReadFailure(string path, Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"cannot read {path}: no such file (pass the config with -c/--config-file)",
        UnauthorizedAccessException => $"cannot read {path}: permission denied (the file is normally 0600 root:root; run as root)",
        _ => $"cannot read {path}: {ex.Message}",
    };
}
