using System.Text.RegularExpressions;

namespace SiteAgent.Testing;

/// <summary>
/// The values of tests/infra/slurm/cluster.env as the shell sees them, for the forms that file uses:
/// <c>NAME="${NAME:-default}"</c> (the environment wins) and <c>NAME="$OTHER/…"</c>.
/// </summary>
internal sealed partial class ClusterEnvFile
{
    private readonly Dictionary<string, string> _values;

    private ClusterEnvFile(Dictionary<string, string> values) => _values = values;

    /// <summary>A variable's value; throws naming the file when cluster.env does not set it.</summary>
    public string Get(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"tests/infra/slurm/cluster.env does not set {name}");

    /// <summary>Reads the file, resolving defaults against the environment of this process.</summary>
    public static ClusterEnvFile Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var assignment = Assignment().Match(line.Trim());
            if (!assignment.Success)
            {
                continue;
            }

            var name = assignment.Groups["name"].Value;
            var value = assignment.Groups["value"].Value;
            var withDefault = DefaultForm().Match(value);
            values[name] = withDefault.Success && withDefault.Groups["name"].Value == name
                ? Environment.GetEnvironmentVariable(name) is { Length: > 0 } set ? set : Expand(withDefault.Groups["default"].Value, values)
                : Expand(value, values);
        }

        return new ClusterEnvFile(values);
    }

    private static string Expand(string text, Dictionary<string, string> known) =>
        Reference().Replace(text, match => known.GetValueOrDefault(match.Groups["name"].Value) ?? string.Empty);

    [GeneratedRegex("""^(?<name>[A-Z_][A-Z0-9_]*)="(?<value>[^"]*)"$""")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\$\{(?<name>[A-Z_][A-Z0-9_]*):-(?<default>[^}]*)\}$")]
    private static partial Regex DefaultForm();

    [GeneratedRegex(@"\$\{?(?<name>[A-Z_][A-Z0-9_]*)\}?")]
    private static partial Regex Reference();
}
