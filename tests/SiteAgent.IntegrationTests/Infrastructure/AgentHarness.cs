using System.Net.Http.Headers;
using System.Text.Json;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator;
using SiteAgent.Waldur.Emulator.Recording;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>One integration test's world: an emulator seeded with its scenario, the agent's config, and clean-up of its SLURM accounts.</summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private AgentHarness(EmulatorHost emulator, TestScenario scenario, string directory)
    {
        Emulator = emulator;
        Scenario = scenario;
        Directory = directory;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", scenario.Token);
    }

    public EmulatorHost Emulator { get; }

    public TestScenario Scenario { get; }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "agent.yaml");

    /// <summary>Starts the emulator (contract observer on) with the scenario and writes the agent config.</summary>
    public static async Task<AgentHarness> StartAsync(TestScenario scenario, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        SlurmCluster.RequireOrSkip();
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ContractObserver = true, Token = null });
        emulator.Seed(scenario.Yaml(), yaml: true);
        var harness = new AgentHarness(emulator, scenario, System.IO.Directory.CreateTempSubdirectory("agent-it-").FullName);
        harness.WriteConfig(extraSettings);
        return harness;
    }

    /// <summary>Rewrites the agent config with other extra backend settings.</summary>
    public void WriteConfig(IReadOnlyDictionary<string, string>? extraSettings = null) =>
        File.WriteAllText(ConfigPath, Scenario.AgentConfig(Emulator.ApiUrl, extraSettings));

    /// <summary>Runs one order_process cycle of the AOT binary and returns what it printed.</summary>
    public Task<ProcessOutcome> RunAgentOnceAsync(params string[] extra) =>
        AgentBinary.RunAsync(["-m", "order_process", "-c", ConfigPath, "--once", "--log-format", "plain", .. extra], AgentEnvironment());

    /// <summary>Runs one order_process cycle of the AOT binary, given up to <paramref name="timeout"/>.</summary>
    public Task<ProcessOutcome> RunAgentOnceAsync(TimeSpan timeout) =>
        AgentBinary.RunAsync(["-m", "order_process", "-c", ConfigPath, "--once", "--log-format", "plain"], AgentEnvironment(), timeout: timeout);

    /// <summary>Environment of an agent process: the test cluster, a private heartbeat file.</summary>
    public Dictionary<string, string?> AgentEnvironment() => new(SlurmCluster.Environment)
    {
        ["WALDUR_SITE_AGENT_HEARTBEAT_FILE"] = Path.Combine(Directory, "heartbeat"),
    };

    /// <summary>An order's state in Waldur.</summary>
    public async Task<string> OrderStateAsync(Guid order) => (await GetAsync($"marketplace-orders/{order:N}/?field=state")).GetProperty("state").GetString()!;

    /// <summary>An order's error message in Waldur.</summary>
    public async Task<string> OrderErrorAsync(Guid order) => (await GetAsync($"marketplace-orders/{order:N}/?field=error_message")).GetProperty("error_message").GetString() ?? string.Empty;

    /// <summary>The resource an order is about.</summary>
    public async Task<Guid> OrderResourceAsync(Guid order) =>
        Guid.Parse((await GetAsync($"marketplace-orders/{order:N}/?field=marketplace_resource_uuid")).GetProperty("marketplace_resource_uuid").GetString()!);

    /// <summary>A provider resource as JSON.</summary>
    public Task<JsonElement> ResourceAsync(Guid resource) => GetAsync($"marketplace-provider-resources/{resource:N}/");

    /// <summary>Requests the emulator received whose path matches, in order.</summary>
    public IReadOnlyList<RequestLogEntry> Requests(string method, string pathContains) =>
        Emulator.Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    /// <summary>Fails the test if any exchange broke the API schema.</summary>
    public void AssertNoContractViolations()
    {
        if (Emulator.Violations.Count != 0)
        {
            Assert.Fail("contract violations:\n" + string.Join("\n", Emulator.Violations.Select(v => v.Violation.ToString())));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        foreach (var prefix in Scenario.OwnedAccountPrefixes)
        {
            await SlurmCluster.RemoveAccountsAsync(prefix);
        }
        await Emulator.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task<JsonElement> GetAsync(string relative)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(new Uri(Emulator.ApiUrl), relative)));
        return document.RootElement.Clone();
    }
}
