using System.Globalization;

namespace SiteAgent.Backends.Settings;

/// <summary>
/// Reads typed values out of one config mapping, recording every problem (with key path, line and
/// column) instead of throwing, and remembering which keys were asked for so that the rest can be
/// reported as unknown with a did-you-mean hint.
/// </summary>
/// <remarks>
/// Scalars are coerced the way the reference agent's validator does: numbers and booleans may be
/// quoted, booleans accept yes/no/on/off/1/0, and YAML null counts as "not set".
/// </remarks>
public sealed class SettingsReader
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly ISecretSink? _secrets;

    /// <summary>Creates a reader over a mapping; problems go to <paramref name="problems"/>.</summary>
    public SettingsReader(ConfigMapping mapping, ConfigProblems problems, ISecretSink? secrets = null)
    {
        Mapping = mapping;
        Problems = problems;
        _secrets = secrets;
    }

    /// <summary>The mapping being read.</summary>
    public ConfigMapping Mapping { get; }

    /// <summary>Where problems are recorded.</summary>
    public ConfigProblems Problems { get; }

    /// <summary>Key path of the mapping (for messages about missing keys).</summary>
    public string Path => Mapping.Path;

    /// <summary>True when the key is present (even if its value is null).</summary>
    public bool Has(string key)
    {
        _asked.Add(key);
        return Mapping.Find(key) is not null;
    }

    /// <summary>Accepts keys that are valid here but read by someone else (or not at all).</summary>
    public void Accept(params string[] keys)
    {
        foreach (var key in keys)
        {
            _asked.Add(key);
        }
    }

    /// <summary>The raw node of a key, or null when absent; the key counts as known.</summary>
    public ConfigNode? Node(string key)
    {
        _asked.Add(key);
        return Mapping.Find(key)?.Value;
    }

    /// <summary>A string value, or null when absent or YAML null.</summary>
    public string? String(string key)
    {
        var scalar = Scalar(key, "a string");
        return scalar?.Value;
    }

    /// <summary>A string value, or <paramref name="fallback"/> when absent or null.</summary>
    public string String(string key, string fallback) => String(key) ?? fallback;

    /// <summary>A string that must be present and non-empty; an error is recorded otherwise.</summary>
    public string RequiredString(string key)
    {
        var value = String(key);
        if (value is null)
        {
            if (Mapping.Find(key) is { } entry)
            {
                Problems.Error(entry.Value, "must not be null");
            }
            else
            {
                Problems.Error(ChildPath(key), "field required", Mapping.Location);
            }

            return string.Empty;
        }

        return value;
    }

    /// <summary>A secret string (token, password): read like <see cref="String(string)"/> and registered for redaction.</summary>
    public string? Secret(string key)
    {
        var scalar = Scalar(key, "a string");
        if (scalar?.Value is { Length: > 0 } value)
        {
            _secrets?.AddSecret(scalar.Path, value);
        }

        return scalar?.Value;
    }

    /// <summary>A boolean, or null when absent or null.</summary>
    public bool? Boolean(string key)
    {
        var scalar = Scalar(key, "true or false");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (ScalarCoercion.TryBoolean(text, out var value))
        {
            return value;
        }

        Problems.Error(scalar, $"expected true or false, got {Quote(text)}");
        return null;
    }

    /// <summary>A boolean, or <paramref name="fallback"/> when absent or null.</summary>
    public bool Boolean(string key, bool fallback) => Boolean(key) ?? fallback;

    /// <summary>A decimal number within optional bounds, or null when absent, null or invalid.</summary>
    public decimal? Number(string key, decimal? min = null, decimal? max = null, bool minExclusive = false)
    {
        var scalar = Scalar(key, "a number");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (!ScalarCoercion.TryNumber(text, scalar.IsQuoted, out var value))
        {
            Problems.Error(scalar, $"expected a number, got {Quote(text)}");
            return null;
        }

        return CheckRange(scalar, value, min, max, minExclusive) ? value : null;
    }

    /// <summary>A whole number within optional bounds, or null when absent, null or invalid.</summary>
    public long? Integer(string key, long? min = null, long? max = null)
    {
        var scalar = Scalar(key, "a whole number");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (!ScalarCoercion.TryNumber(text, scalar.IsQuoted, out var value) || value != decimal.Truncate(value)
            || value < long.MinValue || value > long.MaxValue)
        {
            Problems.Error(scalar, $"expected a whole number, got {Quote(text)}");
            return null;
        }

        return CheckRange(scalar, value, min, max, false) ? (long)value : null;
    }

    /// <summary>One of a fixed set of strings (matched ignoring case when asked), returned as written in <paramref name="allowed"/>.</summary>
    public string? Choice(string key, IReadOnlyList<string> allowed, bool ignoreCase = false)
    {
        var scalar = Scalar(key, "one of " + string.Join(", ", allowed));
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, text, comparison))
            {
                return candidate;
            }
        }

        var hint = Suggestions.Closest(text, allowed) is { } near ? $" (did you mean {Quote(near)}?)" : string.Empty;
        Problems.Error(scalar, $"expected one of {string.Join(", ", allowed)}, got {Quote(text)}{hint}");
        return null;
    }

    /// <summary>A list of strings, or null when absent or null.</summary>
    public IReadOnlyList<string>? StringList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return null;
            case ConfigScalar { Value: null }:
                return null;
            case ConfigSequence sequence:
                var values = new List<string>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    if (item is ConfigScalar { Value: { } text })
                    {
                        values.Add(text);
                    }
                    else
                    {
                        Problems.Error(item, $"expected a string, got {item.KindName}");
                    }
                }

                return values;
            default:
                Problems.Error(node, $"expected a list of strings, got {node.KindName}");
                return null;
        }
    }

    /// <summary>A nested mapping as its own reader, or null when absent or null.</summary>
    public SettingsReader? Section(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
            case ConfigScalar { Value: null }:
                return null;
            case ConfigMapping mapping:
                return new SettingsReader(mapping, Problems, _secrets);
            default:
                Problems.Error(node, $"expected a mapping, got {node.KindName}");
                return null;
        }
    }

    /// <summary>Reports every key that nobody asked for, with the closest known key as a hint.</summary>
    /// <param name="severity">Whether unknown keys stop the agent.</param>
    public void ReportUnknownKeys(ProblemSeverity severity = ProblemSeverity.Error)
    {
        foreach (var entry in Mapping.Entries)
        {
            if (_asked.Contains(entry.Key))
            {
                continue;
            }

            var hint = Suggestions.Closest(entry.Key, _asked) is { } near ? $" (did you mean {Quote(near)}?)" : string.Empty;
            var message = $"unknown key{hint}";
            var path = ChildPath(entry.Key);
            if (severity == ProblemSeverity.Error)
            {
                Problems.Error(path, message, entry.KeyLocation);
            }
            else
            {
                Problems.Warning(path, message, entry.KeyLocation);
            }
        }
    }

    /// <summary>The path of a child key of this mapping.</summary>
    public string ChildPath(string key) => ConfigPaths.Child(Mapping.Path, key);

    /// <summary>Quotes a value for a message.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private ConfigScalar? Scalar(string key, string expected)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is ConfigScalar scalar)
        {
            return scalar;
        }

        Problems.Error(node, $"expected {expected}, got {node.KindName}");
        return null;
    }

    private bool CheckRange(ConfigScalar scalar, decimal value, decimal? min, decimal? max, bool minExclusive)
    {
        if (min is { } low && (minExclusive ? value <= low : value < low))
        {
            var bound = minExclusive ? "greater than" : "at least";
            Problems.Error(scalar, $"must be {bound} {low.ToString(CultureInfo.InvariantCulture)}, got {scalar.Value}");
            return false;
        }

        if (max is { } high && value > high)
        {
            Problems.Error(scalar, $"must be at most {high.ToString(CultureInfo.InvariantCulture)}, got {scalar.Value}");
            return false;
        }

        return true;
    }
}
