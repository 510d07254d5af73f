using System.Net.Http.Headers;
using System.Text.Json;

namespace SiteAgent.Waldur.Emulator;

/// <summary>Prints a running Waldur's orders as a table (the demo's "what happened" view, without curl or jq).</summary>
internal static class OrdersReport
{
    public static async Task<int> PrintAsync(string apiUrl, string token, TextWriter output)
    {
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl.EndsWith('/') ? apiUrl : apiUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        using var orders = JsonDocument.Parse(await http.GetStringAsync("marketplace-orders/?page_size=100&o=created"));
        output.WriteLine($"{"ORDER",-34}{"TYPE",-10}{"STATE",-18}{"RESOURCE",-22}BACKEND ID");
        foreach (var order in orders.RootElement.EnumerateArray())
        {
            var backendId = string.Empty;
            if (order.TryGetProperty("marketplace_resource_uuid", out var resource) && resource.GetString() is { Length: > 0 } uuid)
            {
                using var details = JsonDocument.Parse(await http.GetStringAsync($"marketplace-provider-resources/{uuid}/?field=backend_id"));
                backendId = details.RootElement.GetProperty("backend_id").GetString() ?? string.Empty;
            }

            output.WriteLine($"{Text(order, "uuid"),-34}{Text(order, "type"),-10}{Text(order, "state"),-18}{Text(order, "resource_name"),-22}{backendId}");
        }

        return 0;
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
