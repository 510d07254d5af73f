using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>
/// Runs an order test: renders a template for an offering (or reads an order file), checks the
/// order, and asks the backend for a ping. Nothing is sent to Waldur and nothing is written to the
/// backend.
/// </summary>
public sealed class OrderTester(TestOrderBackend backend, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("SiteAgent.TestOrder");

    /// <summary>
    /// Renders <paramref name="name"/> with <paramref name="variables"/>, adding <c>offering_uuid</c> and
    /// <c>offering_name</c> from <paramref name="offering"/> unless given, and tests the order.
    /// </summary>
    public async Task<TestOrderResult> TestTemplateAsync(
        OrderTemplateSource source, string name, IReadOnlyDictionary<string, JsonNode?> variables, OfferingConfig offering, CancellationToken cancellationToken)
    {
        var withOffering = new Dictionary<string, JsonNode?>(variables, StringComparer.Ordinal);
        withOffering.TryAdd("offering_uuid", JsonValue.Create(offering.OfferingUuidText.Length > 0 ? offering.OfferingUuidText : offering.OfferingUuid.ToString("N")));
        withOffering.TryAdd("offering_name", JsonValue.Create(offering.Name));
        JsonObject order;
        try
        {
            var text = OrderChecks.Render(source, name, withOffering);
            TestOrderLog.Rendered(_logger, name, text);
            order = OrderJson.ParseObject(text);
        }
        catch (Exception e) when (e is TemplateStageException or JsonException or FileNotFoundException)
        {
            return TestOrderResult.Failed($"Failed to render template '{name}': {JsonErrorText.MessageOf(e)}");
        }

        return await TestIfAnOrderAsync(order, $"Failed to render template '{name}': it produced invalid order data", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the order in <paramref name="path"/> and tests it.</summary>
    public async Task<TestOrderResult> TestFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return TestOrderResult.Failed($"Order file not found: {path}");
        }

        JsonObject order;
        try
        {
            order = OrderJson.ParseObject(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return TestOrderResult.Failed($"Failed to load order file: {JsonErrorText.MessageOf(e)}");
        }

        return await TestIfAnOrderAsync(order, "Invalid order data", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tests <paramref name="order"/> when it parses as an order; otherwise fails with <paramref name="notAnOrder"/> and the reason.</summary>
    private async Task<TestOrderResult> TestIfAnOrderAsync(JsonObject order, string notAnOrder, CancellationToken cancellationToken) =>
        OrderJson.WhyNotAnOrder(order) is { } invalid
            ? OrderChecks.Describe(order) with { Errors = [$"{notAnOrder}: {invalid}"] }
            : await TestAsync(order, cancellationToken).ConfigureAwait(false);

    /// <summary>The order check, then the backend's ping; the time both took is part of the result.</summary>
    public async Task<TestOrderResult> TestAsync(JsonObject order, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = OrderChecks.CheckOrder(order);
        TestOrderLog.Checking(_logger, result.OrderUuid, result.OrderType, backend.Name);
        var errors = result.Errors.ToList();
        var warnings = result.Warnings.ToList();
        var operations = new List<BackendOperation>();
        try
        {
            var ping = await backend.PingAsync(cancellationToken).ConfigureAwait(false);
            operations.Add(ping);
            TestOrderLog.BackendOperation(_logger, ping.ToString());
            if (ping.Failed)
            {
                errors.Add($"Backend {backend.Name} did not answer the ping; check that it is reachable from this host (diagnostics shows details)");
            }
        }
        catch (BackendException e)
        {
            errors.Add($"Order validation failed: backend {backend.Name}: {e.Message}");
        }

        warnings.AddRange(backend.RefusedWrites.Select(w => $"The backend tried a write, which test-order refused: {w}"));
        return result with
        {
            Errors = errors,
            Warnings = warnings,
            BackendOperations = operations,
            ExecutionTimeSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds,
        };
    }
}
