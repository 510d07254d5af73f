namespace SiteAgent.Testing;

/// <summary>The Native AOT agent binary that integration tests run.</summary>
public static class AgentBinary
{
    /// <summary>Environment variable naming the binary; tests/run.sh sets it after publishing.</summary>
    public const string EnvironmentVariable = "WALDUR_SITE_AGENT_BIN";

    /// <summary>The binary's path; throws with instructions when it has not been built.</summary>
    public static string Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
                ? configured
                : RepositoryPaths.Combine("artifacts", "aot", "waldur-site-agent");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The agent binary {path} does not exist. Build it with packaging/build-binary.sh (or run tests/run.sh), " +
                    $"or point {EnvironmentVariable} at a binary.");
            }

            return path;
        }
    }

    /// <summary>Runs the binary with arguments.</summary>
    public static Task<ProcessOutcome> RunAsync(params string[] arguments) => ProcessRunner.RunAsync(Path, arguments);

    /// <summary>Runs the binary with arguments, extra environment, a working directory and a time limit (default 2 minutes).</summary>
    public static Task<ProcessOutcome> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? workingDirectory = null, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(Path, arguments, environment, workingDirectory, timeout);
}
