using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.Broker;

/// <summary>The calls of RabbitMQ's management HTTP API that Waldur's publishing side (and the tests) make.</summary>
public sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient _http;

    public RabbitMqManagement(EmulatorBrokerOptions options)
    {
        _http = new HttpClient { BaseAddress = new Uri(options.ManagementUrl, "api/"), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
    }

    /// <summary>True when the API answers with the admin credentials.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync("overview", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public Task CreateVhostAsync(string vhost, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"vhosts/{E(vhost)}", new JsonObject(), cancellationToken);

    public Task DeleteVhostAsync(string vhost, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"vhosts/{E(vhost)}", null, cancellationToken, allowNotFound: true);

    public Task CreateUserAsync(string user, string password, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"users/{E(user)}", new JsonObject { ["password"] = password, ["tags"] = "" }, cancellationToken);

    public Task DeleteUserAsync(string user, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"users/{E(user)}", null, cancellationToken, allowNotFound: true);

    /// <summary>Configure, write and read on everything in the vhost, as Waldur grants a subscription user.</summary>
    public Task GrantAllAsync(string vhost, string user, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"permissions/{E(vhost)}/{E(user)}",
            new JsonObject { ["configure"] = ".*", ["write"] = ".*", ["read"] = ".*" }, cancellationToken);

    /// <summary>Declares a durable queue; declaring it again with the same arguments changes nothing.</summary>
    public Task DeclareQueueAsync(string vhost, string queue, JsonObject arguments, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"queues/{E(vhost)}/{E(queue)}",
            new JsonObject { ["durable"] = true, ["auto_delete"] = false, ["arguments"] = arguments }, cancellationToken);

    /// <summary>Deletes a queue, as the broker's orphan cleanup does (tests use it to lose one on purpose).</summary>
    public Task DeleteQueueAsync(string vhost, string queue, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"queues/{E(vhost)}/{E(queue)}", null, cancellationToken, allowNotFound: true);

    /// <summary>Publishes a persistent JSON message through the default exchange; false when no queue took it.</summary>
    public async Task<bool> PublishAsync(string vhost, string queue, string json, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["properties"] = new JsonObject { ["delivery_mode"] = 2, ["content_type"] = "application/json" },
            ["routing_key"] = queue,
            ["payload"] = json,
            ["payload_encoding"] = "string",
        };
        var answer = await SendAsync(HttpMethod.Post, $"exchanges/{E(vhost)}/amq.default/publish", body, cancellationToken);
        return answer?["routed"]?.GetValue<bool>() == true;
    }

    /// <summary>Messages in the queue (ready plus unacknowledged), as the broker's statistics last saw them; null when the queue does not exist.</summary>
    public async Task<long?> QueueDepthAsync(string vhost, string queue, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Get, $"queues/{E(vhost)}/{E(queue)}", null, cancellationToken, allowNotFound: true);
        return answer is null ? null : (answer["messages"]?.GetValue<long>() ?? 0);
    }

    /// <summary>Names of the client connections to the vhost.</summary>
    public async Task<IReadOnlyList<string>> ConnectionsAsync(string vhost, CancellationToken cancellationToken = default)
    {
        // Only the name: the full objects repeat keys inside client_properties, which strict JSON parsing refuses.
        var answer = await SendAsync(HttpMethod.Get, $"vhosts/{E(vhost)}/connections?columns=name", null, cancellationToken, allowNotFound: true);
        return answer is JsonArray list ? list.Select(c => c!["name"]!.GetValue<string>()).ToList() : [];
    }

    /// <summary>Closes a client connection from the broker side.</summary>
    public Task CloseConnectionAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"connections/{E(name)}", null, cancellationToken, allowNotFound: true);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, path);
        // Serialised by the node itself: hosts with reflection-based System.Text.Json off (the benchmarks) can use it too.
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound) return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"RabbitMQ management {method} {path} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static string E(string segment) => Uri.EscapeDataString(segment);
}
