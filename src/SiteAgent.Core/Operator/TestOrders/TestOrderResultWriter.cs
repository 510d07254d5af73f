using System.Globalization;
using System.Text.Json;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>Prints a <see cref="TestOrderResult"/> for a person, or as JSON for scripts.</summary>
public static class TestOrderResultWriter
{
    /// <summary>
    /// The human form: status, order uuid and type, resource name and time when known, then warnings,
    /// errors, and (with <paramref name="verbose"/>) the backend operations.
    /// </summary>
    public static void WriteText(TestOrderResult result, bool verbose, TextWriter output)
    {
        output.WriteLine($"Test Result: {(result.Success ? "SUCCESS" : "FAILED")}");
        output.WriteLine($"Order UUID: {result.OrderUuid}");
        output.WriteLine($"Order Type: {result.OrderType}");
        if (result.ResourceName is { Length: > 0 } name)
        {
            output.WriteLine($"Resource Name: {name}");
        }

        if (result.ExecutionTimeSeconds is { } seconds)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Execution Time: {seconds:0.00}s"));
        }

        WriteList(output, "Warnings:", result.Warnings.Select(w => "  - " + SecretRedactor.Shared.Redact(w)));
        WriteList(output, "Errors:", result.Errors.Select(e => "  - " + SecretRedactor.Shared.Redact(e)));
        if (verbose)
        {
            WriteList(output, "Backend Operations:", result.BackendOperations.Select((o, i) => $"  {i + 1}. {SecretRedactor.Shared.Redact(o.ToString())}"));
        }
    }

    /// <summary>
    /// The JSON form (indented by two spaces): <c>success</c>, <c>order_uuid</c>, <c>order_type</c>,
    /// <c>resource_name</c>, <c>backend_operations</c>, <c>errors</c>, <c>warnings</c>,
    /// <c>execution_time_seconds</c>.
    /// </summary>
    public static void WriteJson(TestOrderResult result, TextWriter output)
    {
        RedactedJson.Print(output, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("success", result.Success);
            json.WriteRedacted("order_uuid", result.OrderUuid);
            json.WriteRedacted("order_type", result.OrderType);
            json.WriteRedacted("resource_name", result.ResourceName);
            json.WriteStartArray("backend_operations");
            foreach (var operation in result.BackendOperations)
            {
                json.WriteStartObject();
                json.WriteRedacted("operation", operation.Operation);
                json.WriteRedacted("backend", operation.Backend);
                json.WriteRedacted("outcome", operation.Outcome);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteStrings(json, "errors", result.Errors);
            WriteStrings(json, "warnings", result.Warnings);
            if (result.ExecutionTimeSeconds is { } seconds)
            {
                json.WriteNumber("execution_time_seconds", Math.Round(seconds, 6));
            }
            else
            {
                json.WriteNull("execution_time_seconds");
            }

            json.WriteEndObject();
        });
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteRedactedValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteList(TextWriter output, string heading, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (first)
            {
                output.WriteLine();
                output.WriteLine(heading);
                first = false;
            }

            output.WriteLine(line);
        }
    }
}
