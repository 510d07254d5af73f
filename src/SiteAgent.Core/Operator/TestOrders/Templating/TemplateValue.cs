using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>
/// A value inside a template: a JSON value (a string, number, boolean, object, array or null), or
/// "undefined", which remembers the variable's name so that using it can say which one is missing.
/// </summary>
internal readonly record struct TemplateValue(JsonNode? Node, string? UndefinedName)
{
    /// <summary>True when the value came from a variable nobody set.</summary>
    public bool IsUndefined => UndefinedName is not null;

    /// <summary>A string value.</summary>
    public static TemplateValue Of(string text) => new(JsonValue.Create(text), null);

    /// <summary>A JSON value (null is JSON null).</summary>
    public static TemplateValue Of(JsonNode? node) => new(node, null);

    /// <summary>The value of a variable that is not set.</summary>
    public static TemplateValue Undefined(string name) => new(null, name);

    /// <summary>The text when this is a JSON string; null otherwise.</summary>
    public string? AsString => Node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>True for undefined, JSON null and the empty string: the cases <c>uuid4</c> and <c>timestamp</c> fill in.</summary>
    public bool IsMissing => IsUndefined || Node is null || AsString is "";

    /// <summary>What <c>{{ }}</c> writes: strings as they are, everything else as JSON (so <c>true</c>, not <c>True</c>).</summary>
    public string ToOutput() => AsString ?? TemplateJson.Write(Node);

    /// <summary>Truth for <c>{% if value %}</c>: false, null, 0, "" and empty objects and arrays are false.</summary>
    public bool IsTruthy() => Node switch
    {
        null => false,
        JsonObject o => o.Count > 0,
        JsonArray a => a.Count > 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => v.ToJsonString() is not ("0" or "0.0" or "-0"),
            _ => true,
        },
        _ => true,
    };
}
