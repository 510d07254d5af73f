using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>An in-process emulator with the demo (and optionally extras) scenario and an authenticated HttpClient.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(EmulatorHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Ids.Token);
    }

    public EmulatorHost Host { get; }
    public HttpClient Client { get; }

    public static string DemoScenario => Path.Combine(AppContext.BaseDirectory, "scenarios", "demo.yaml");
    public static string ExtrasScenario => Path.Combine(AppContext.BaseDirectory, "scenarios", "extras.yaml");

    /// <summary>Starts with the contract observer on, the demo scenario and (unless told otherwise) the extras.</summary>
    public static async Task<TestEmulator> StartAsync(bool extras = true, EmulatorOptions? options = null)
    {
        options = (options ?? new EmulatorOptions()) with { ContractObserver = true, ScenarioPath = DemoScenario };
        var host = await EmulatorHost.StartAsync(options, TestContext.Current!.Execution.CancellationToken);
        if (extras) host.Seed(await File.ReadAllTextAsync(ExtrasScenario, TestContext.Current!.Execution.CancellationToken), yaml: true);
        return new TestEmulator(host);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await Client.SendAsync(request, TestContext.Current!.Execution.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current!.Execution.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string path) => SendAsync("GET", path);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, string? json = "{}") => SendAsync("POST", path, json);

    public T Read<T>(Func<EmulatorState, T> read) => Host.Read(read);

    /// <summary>Fails with every recorded contract violation listed.</summary>
    public void AssertNoViolations()
    {
        if (Host.Violations.Count != 0)
        {
            Assert.Fail("contract violations:\n" + string.Join("\n", Host.Violations.Select(v => v.Violation.ToString())));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
