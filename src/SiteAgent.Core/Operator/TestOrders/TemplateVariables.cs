using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>The <c>--var KEY=VALUE</c> options, as template variables.</summary>
public static class TemplateVariables
{
    /// <summary>
    /// Parses each <c>KEY=VALUE</c> (split at the first <c>=</c>; a later one wins for the same key).
    /// A value is read as JSON when it looks like JSON: it starts with <c>{</c>, <c>[</c> or <c>"</c>,
    /// is <c>true</c>, <c>false</c> or <c>null</c>, or is digits once dots and minus signs are removed;
    /// a value that looks like JSON but does not parse stays the raw string, as does any other value.
    /// Throws <see cref="FormatException"/> for an entry without <c>=</c> or with an empty key.
    /// </summary>
    public static Dictionary<string, JsonNode?> Parse(IEnumerable<string>? entries)
    {
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var entry in entries ?? [])
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Invalid variable format '{entry}'. Expected format: key=value");
            }

            variables[entry[..equals]] = ParseValue(entry[(equals + 1)..]);
        }

        return variables;
    }

    /// <summary>One value, by the rule above.</summary>
    public static JsonNode? ParseValue(string value)
    {
        var stripped = value.Trim();
        var looksLikeJson = stripped.StartsWith('{') || stripped.StartsWith('[') || stripped.StartsWith('"')
                            || stripped is "true" or "false" or "null"
                            || LooksNumeric(stripped);
        if (looksLikeJson)
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                // Not JSON after all (e.g. 1.2.3 or a date): the raw string, as the operator typed it.
            }
        }

        return JsonValue.Create(value);
    }

    private static bool LooksNumeric(string value)
    {
        var digits = value.Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }
}
