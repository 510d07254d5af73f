using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Renders schema errors of a request body as the 400 body DRF would send.</summary>
/// <remarks>
/// DRF nests messages like the data: <c>{"usages": [{}, {"amount": ["A valid number is required."]}]}</c>;
/// root-level problems go under <c>non_field_errors</c>. Undeclared keys are not errors here because DRF
/// ignores them (the contract observer still reports them).
/// </remarks>
public static partial class DrfErrors
{
    /// <summary>The DRF body for these errors, or null when none of them would make DRF answer 400.</summary>
    public static JsonObject? From(IReadOnlyList<SchemaError> errors)
    {
        JsonObject? root = null;
        foreach (var error in errors)
        {
            if (error.Code is SchemaErrorCode.Undeclared or SchemaErrorCode.ReadOnly) continue;
            root ??= [];
            var segments = Segments(error.JsonPath).ToList();
            if (error.Code == SchemaErrorCode.Required) segments.Add(error.Argument ?? "non_field_errors");
            if (segments.Count == 0) segments.Add("non_field_errors");
            Insert(root, segments, Message(error));
        }
        return root;
    }

    private static string Message(SchemaError error) => error.Code switch
    {
        SchemaErrorCode.Required => "This field is required.",
        SchemaErrorCode.Null => "This field may not be null.",
        SchemaErrorCode.Enum => $"{error.Argument} is not a valid choice.",
        SchemaErrorCode.Type => error.Argument switch
        {
            "integer" => "A valid integer is required.",
            "number" => "A valid number is required.",
            "boolean" => "Must be a valid boolean.",
            "object" => "Expected a dictionary of items.",
            "array" => "Expected a list of items.",
            _ => "Not a valid string.",
        },
        SchemaErrorCode.Format => error.Argument switch
        {
            "uuid" => "Must be a valid UUID.",
            "date-time" => "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
            "date" => "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            "decimal" => "A valid number is required.",
            "uri" => "Enter a valid URL.",
            "email" => "Enter a valid email address.",
            _ => "Enter a valid value.",
        },
        SchemaErrorCode.MaxLength => $"Ensure this field has no more than {error.Argument} characters.",
        SchemaErrorCode.MinLength => $"Ensure this field has at least {error.Argument} characters.",
        SchemaErrorCode.Minimum => $"Ensure this value is greater than or equal to {error.Argument}.",
        SchemaErrorCode.Maximum => $"Ensure this value is less than or equal to {error.Argument}.",
        _ => "Invalid value.",
    };

    private static IEnumerable<string> Segments(string path)
    {
        foreach (Match m in PathPart().Matches(path))
            yield return m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["index"].Value;
    }

    private static void Insert(JsonNode container, List<string> segments, string message)
    {
        var node = container;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var segment = segments[i];
            if (node is JsonArray array && int.TryParse(segment, out var index))
            {
                while (array.Count <= index) array.Add(new JsonObject());
                node = array[index]!;
                continue;
            }
            var obj = (JsonObject)node;
            if (last)
            {
                if (obj[segment] is not JsonArray messages) obj[segment] = messages = [];
                messages.Add(message);
                return;
            }
            var nextIsIndex = int.TryParse(segments[i + 1], out _);
            if (obj[segment] is not { } child || (nextIsIndex ? child is not JsonArray : child is not JsonObject))
                obj[segment] = child = nextIsIndex ? new JsonArray() : new JsonObject();
            node = child;
        }
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathPart();
}
