using System.Text.Json;
using System.Text.Json.Nodes;
using SiteAgent.Waldur.Json;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>Reading an order as JSON, and whether it parses as the order model the agent processes.</summary>
public static class OrderJson
{
    /// <summary>The order fields that hold uuids.</summary>
    public static readonly string[] UuidFields = ["uuid", "offering_uuid", "marketplace_resource_uuid", "project_uuid", "customer_uuid"];

    private static readonly string[] KnownTypes = [OrderType.Create, OrderType.Update, OrderType.Terminate, OrderType.Restore];

    /// <summary>The JSON object in <paramref name="text"/>; throws <see cref="JsonException"/> for anything else.</summary>
    public static JsonObject ParseObject(string text) =>
        JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) as JsonObject
        ?? throw new JsonException("the JSON is not an object");

    /// <summary>
    /// Why <paramref name="order"/> would not parse as an order (a field of the wrong type, an unknown
    /// order type), or null when it does. Uuid fields and missing uuid/state are left to the checks,
    /// which report them by name.
    /// </summary>
    public static string? WhyNotAnOrder(JsonObject order)
    {
        if (Text(order, "type") is { } type && !KnownTypes.Contains(type, StringComparer.Ordinal))
        {
            return $"order type '{type}' is not one of {string.Join(", ", KnownTypes)}";
        }

        var copy = (JsonObject)order.DeepClone();
        foreach (var field in UuidFields)
        {
            copy.Remove(field);
        }

        copy["uuid"] = Guid.Empty.ToString("N");
        copy["state"] ??= OrderState.Executing;
        try
        {
            _ = copy.Deserialize(WaldurJsonContext.Default.OrderDetails);
            return null;
        }
        catch (JsonException e)
        {
            return JsonErrorText.Describe(e);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>The field as text (strings as they are, other values as JSON); null when absent, null or empty.</summary>
    public static string? Text(JsonObject order, string field) => order[field] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } text ? text : null,
        var other => other.ToJsonString(),
    };

    /// <summary>True when the field is present with a value (not null, not empty).</summary>
    public static bool Has(JsonObject order, string field) => Text(order, field) is not null;

    /// <summary>The order as JSON indented by two spaces, as <c>--generate-only</c> prints it.</summary>
    public static string Indented(JsonNode order) => Templating.TemplateJson.Write(order, indented: true);
}
