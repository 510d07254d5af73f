using System.Text.RegularExpressions;
using SiteAgent.Backends;
using SiteAgent.Backends.Model;

namespace SiteAgent.TestBackend;

/// <summary>
/// What the memory backend accepts, checked before an operation touches the store, as a real backend must
/// before a value reaches a command line or a path.
/// </summary>
public static partial class MemoryNames
{
    /// <summary>Longest backend id (SLURM's account names are limited likewise).</summary>
    public const int MaxIdLength = 34;

    /// <summary>Longest username.</summary>
    public const int MaxUsernameLength = 32;

    /// <summary>Largest limit in Waldur units.</summary>
    public const decimal MaxLimit = 1_000_000_000m;

    /// <summary>A backend id: lower-case letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static string Id(string value, string field) => Check(value, field, IdPattern(), MaxIdLength,
        "lower-case letters, digits, '-' and '_', starting with a letter or digit");

    /// <summary>A username: letters, digits, '.', '-' and '_', starting with a letter or '_'.</summary>
    public static string Username(string value) => Check(value, "username", UsernamePattern(), MaxUsernameLength,
        "letters, digits, '.', '-' and '_', starting with a letter or '_'");

    /// <summary>True when <see cref="Username"/> accepts the value.</summary>
    public static bool IsUsername(string value) => value.Length <= MaxUsernameLength && UsernamePattern().IsMatch(value);

    /// <summary>Limits: known components, whole non-negative amounts up to <see cref="MaxLimit"/>.</summary>
    public static Dictionary<string, decimal> Limits(IReadOnlyDictionary<string, decimal> limits, BackendContext context)
    {
        foreach (var (component, value) in limits)
        {
            if (context.Component(component) is null)
            {
                throw new UnsafeValueException($"limit of component {Quote(component)} refused: the offering has no such component");
            }

            if (value < 0 || value > MaxLimit || value != decimal.Truncate(value))
            {
                throw new UnsafeValueException($"limit of component {component} refused: {value} is not a whole amount between 0 and {MaxLimit}");
            }
        }

        return new Dictionary<string, decimal>(limits, StringComparer.Ordinal);
    }

    /// <summary>The resource's id and project, both checked.</summary>
    public static (string Id, string Project) Resource(ResourceRequest resource, string backendId) =>
        (Id(backendId, "resource backend_id"), Id(resource.ProjectSlug, "project slug"));

    private static string Check(string value, string field, Regex pattern, int maxLength, string allowed)
    {
        if (value.Length == 0 || value.Length > maxLength || !pattern.IsMatch(value))
        {
            throw new UnsafeValueException($"{field} {Quote(value)} refused: it must be 1 to {maxLength} characters of {allowed}");
        }

        return value;
    }

    private static string Quote(string value) =>
        "\"" + (value.Length > 80 ? value[..80] + "…" : value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
