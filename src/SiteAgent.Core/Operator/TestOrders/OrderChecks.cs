using System.Text.Json;
using System.Text.Json.Nodes;
using SiteAgent.Core.Operator.TestOrders.Templating;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>
/// The checks of <c>test-order</c>: template validation (a template renders into a usable order),
/// the structure check (an order file), and the order check that runs before the backend is asked.
/// </summary>
public static class OrderChecks
{
    /// <summary>
    /// Renders <paramref name="name"/> with <paramref name="variables"/> and checks the order it
    /// produces: valid JSON, parses as an order, uuids well-formed, the fields its type needs.
    /// </summary>
    public static TestOrderResult ValidateTemplate(OrderTemplateSource source, string name, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (!source.Exists(name))
        {
            return TestOrderResult.Failed($"Template file '{name}' does not exist in {source.Description}");
        }

        JsonObject order;
        try
        {
            order = OrderJson.ParseObject(Render(source, name, variables));
        }
        catch (TemplateStageException e)
        {
            return TestOrderResult.Failed(e.Message);
        }
        catch (JsonException e)
        {
            return TestOrderResult.Failed($"Template produces invalid JSON: {JsonErrorText.Describe(e)}");
        }

        var errors = new List<string>();
        var warnings = new List<string>();
        if (OrderJson.WhyNotAnOrder(order) is { } invalid)
        {
            errors.Add($"Template produces invalid order data: {invalid}");
        }

        CommonChecks(order, errors, warnings);
        foreach (var field in OrderJson.UuidFields)
        {
            if (OrderJson.Text(order, field) is { } value && !Guid.TryParse(value, out _))
            {
                errors.Add($"Invalid UUID format for field '{field}': {value}");
            }
        }

        switch (OrderJson.Text(order, "type"))
        {
            case OrderType.Create:
                AddWhenMissing(order, "resource_name", "Resource name not specified for CREATE order", warnings);
                AddWhenMissing(order, "marketplace_resource_uuid", "Marketplace resource UUID not specified for CREATE order", warnings);
                AddWhenMissing(order, "offering_uuid", "Offering UUID required for CREATE order", errors);
                break;
            case OrderType.Update:
                AddWhenMissing(order, "marketplace_resource_uuid", "Marketplace resource UUID required for UPDATE order", errors);
                if (order["limits"] is null && order["attributes"] is null)
                {
                    warnings.Add("No limits or attributes specified for UPDATE order");
                }

                break;
            case OrderType.Terminate:
                AddWhenMissing(order, "marketplace_resource_uuid", "Marketplace resource UUID required for TERMINATE order", errors);
                break;
        }

        return Describe(order) with { Errors = errors, Warnings = warnings };
    }

    /// <summary>Checks an order file's structure without running anything.</summary>
    public static TestOrderResult CheckStructure(JsonObject order)
    {
        if (OrderJson.WhyNotAnOrder(order) is { } invalid)
        {
            return Describe(order) with { Errors = [$"Invalid order structure: {invalid}"] };
        }

        var errors = new List<string>();
        var warnings = new List<string>();
        CommonChecks(order, errors, warnings);
        switch (OrderJson.Text(order, "type"))
        {
            case OrderType.Create:
                AddWhenMissing(order, "resource_name", "Resource name not specified for CREATE order", warnings);
                break;
            case OrderType.Update or OrderType.Terminate:
                RequireResourceUuid(order, errors);
                break;
        }

        return Describe(order) with { Errors = errors, Warnings = warnings };
    }

    /// <summary>
    /// The order check before the backend is asked: the order gets a random uuid when it has none, a
    /// Create should name its resource, an Update or Terminate must name the marketplace resource.
    /// </summary>
    public static TestOrderResult CheckOrder(JsonObject order)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        if (!OrderJson.Has(order, "uuid"))
        {
            order["uuid"] = Guid.NewGuid().ToString("D");
        }

        switch (OrderJson.Text(order, "type"))
        {
            case OrderType.Create:
                AddWhenMissing(order, "resource_name", "No resource name specified for CREATE order", warnings);
                AddWhenMissing(order, "marketplace_resource_uuid", "No marketplace resource UUID specified for CREATE order", warnings);
                break;
            case OrderType.Update or OrderType.Terminate:
                RequireResourceUuid(order, errors);
                break;
        }

        return Describe(order) with { Errors = errors, Warnings = warnings };
    }

    /// <summary>The uuid, type and resource name of <paramref name="order"/>, as the result shows them.</summary>
    public static TestOrderResult Describe(JsonObject order) => new()
    {
        OrderUuid = OrderJson.Text(order, "uuid") ?? string.Empty,
        OrderType = OrderJson.Text(order, "type") ?? string.Empty,
        ResourceName = OrderJson.Text(order, "resource_name"),
    };

    /// <summary>Reads and renders a template; failures carry the message the result shows.</summary>
    public static string Render(OrderTemplateSource source, string name, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        string text;
        try
        {
            text = source.Read(name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateStageException($"Failed to load template: {e.Message}", e);
        }

        try
        {
            return OrderTemplateRenderer.Render(name, text, variables);
        }
        catch (TemplateException e)
        {
            throw new TemplateStageException($"Failed to render template: {e.Message}", e);
        }
    }

    private static void CommonChecks(JsonObject order, List<string> errors, List<string> warnings)
    {
        if (!OrderJson.Has(order, "uuid"))
        {
            warnings.Add("Order UUID not specified - will be auto-generated");
        }

        if (!OrderJson.Has(order, "type"))
        {
            errors.Add("Order type not specified");
        }
    }

    private static void RequireResourceUuid(JsonObject order, List<string> errors) =>
        AddWhenMissing(order, "marketplace_resource_uuid", $"Marketplace resource UUID required for {OrderJson.Text(order, "type")!.ToUpperInvariant()} order", errors);

    /// <summary>Adds <paramref name="message"/> to <paramref name="into"/> (warnings or errors) when the field is missing.</summary>
    private static void AddWhenMissing(JsonObject order, string field, string message, List<string> into)
    {
        if (!OrderJson.Has(order, field))
        {
            into.Add(message);
        }
    }
}

/// <summary>A template could not be loaded or rendered; the message is the one the result shows.</summary>
public sealed class TemplateStageException(string message, Exception inner) : Exception(message, inner);
