using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Core.Membership;

/// <summary>A resource's <c>backend_metadata</c> as the backend reports it, compared with what Waldur holds.</summary>
/// <remarks>The reference posted it every cycle; it is sent only when it differs.</remarks>
public static class BackendMetadata
{
    /// <summary>True when Waldur's metadata is exactly <paramref name="reported"/> (same keys, same text values).</summary>
    public static bool Same(JsonElement? held, IReadOnlyDictionary<string, string> reported)
    {
        if (held is not { ValueKind: JsonValueKind.Object } value)
        {
            return false;
        }

        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            count++;
            if (property.Value.ValueKind != JsonValueKind.String || !reported.TryGetValue(property.Name, out var text) || property.Value.GetString() != text)
            {
                return false;
            }
        }

        return count == reported.Count;
    }

    /// <summary>The metadata as the JSON object <c>set_backend_metadata</c> takes.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }
}
