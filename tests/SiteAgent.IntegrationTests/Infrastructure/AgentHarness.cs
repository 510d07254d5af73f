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
    /// <param name="scenario">The test's scenario.</param>
    /// <param name="extraSettings">Extra <c>backend_settings</c>.</param>
    /// <param name="broker">A RabbitMQ management API the emulator publishes Waldur's events to.</param>
    public static async Task<AgentHarness> StartAsync(TestScenario scenario, IReadOnlyDictionary<string, string>? extraSettings = null,
        SiteAgent.Waldur.Emulator.Broker.EmulatorBrokerOptions? broker = null)
    {
        SlurmCluster.RequireOrSkip();
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ContractObserver = true, Token = null, Broker = broker });
        emulator.Seed(scenario.Yaml(), yaml: true);
        var harness = new AgentHarness(emulator, scenario, System.IO.Directory.CreateTempSubdirectory("agent-it-").FullName);
        harness.WriteConfig(extraSettings);
        return harness;
    }

    /// <summary>Rewrites the agent config with other extra backend settings.</summary>
    public void WriteConfig(IReadOnlyDictionary<string, string>? extraSettings = null) =>
        File.WriteAllText(ConfigPath, Scenario.AgentConfig(Emulator.ApiUrl, extraSettings));

    /// <summary>Writes the agent config with event processing on, against the test broker's Web-STOMP without TLS.</summary>
    public void WriteEventConfig(IReadOnlyDictionary<string, string>? extraSettings = null) =>
        File.WriteAllText(ConfigPath, Scenario.AgentConfig(Emulator.ApiUrl, extraSettings)
            .Replace("    backend_type: \"slurm\"\n", "    backend_type: \"slurm\"\n" + TestBroker.OfferingKeys, StringComparison.Ordinal));

    /// <summary>Starts the AOT binary in event_process mode with the given reconciliation period.</summary>
    public RunningProcess StartEventAgent(string reconciliationMinutes = "60")
    {
        var environment = AgentEnvironment();
        environment["WALDUR_SITE_AGENT_RECONCILIATION_PERIOD_MINUTES"] = reconciliationMinutes;
        return RunningProcess.Start(AgentBinary.Path, ["-m", "event_process", "-c", ConfigPath, "--log-format", "plain"], environment);
    }

    /// <summary>Starts the AOT binary in event_process mode and waits (90 s at most) until it says event processing started; fails the test otherwise.</summary>
    public async Task<RunningProcess> StartEventAgentAsync(string reconciliationMinutes = "60")
    {
        var agent = StartEventAgent(reconciliationMinutes);
        static string Log(RunningProcess process) => process.Output + process.Error;
        if (!await RunningProcess.WaitUntilAsync(() => Task.FromResult(Log(agent).Contains("Event processing started", StringComparison.Ordinal) || agent.HasExited), TimeSpan.FromSeconds(90))
            || agent.HasExited)
        {
            Assert.Fail("the agent did not start event processing:\n" + Log(agent));
        }

        return agent;
    }

    /// <summary>Runs one order_process cycle of the AOT binary and returns what it printed.</summary>
    public Task<ProcessOutcome> RunAgentOnceAsync(params string[] extra) => RunModeOnceAsync("order_process", extra);

    /// <summary>Runs one cycle of <paramref name="mode"/> with the AOT binary and returns what it printed.</summary>
    public Task<ProcessOutcome> RunModeOnceAsync(string mode, params string[] extra) =>
        AgentBinary.RunAsync(["-m", mode, "-c", ConfigPath, "--once", "--log-format", "plain", .. extra], AgentEnvironment());

    /// <summary>Starts the AOT binary in <paramref name="mode"/> under its tick loop, with the mode's period variable set to <paramref name="minutes"/>.</summary>
    public RunningProcess StartDaemon(string mode, string minutes)
    {
        var environment = AgentEnvironment();
        environment[$"WALDUR_SITE_AGENT_{mode.ToUpperInvariant()}_PERIOD_MINUTES"] = minutes;
        return RunningProcess.Start(AgentBinary.Path, ["-m", mode, "-c", ConfigPath, "--log-format", "plain"], environment);
    }

    /// <summary>Adds a Waldur user to the scenario's project team through Waldur's own API (<c>projects/…/add_user/</c>).</summary>
    public Task AddTeamMemberAsync(string username, string role = "PROJECT.MEMBER") => TeamChangeAsync("add_user", username, role, System.Net.HttpStatusCode.Created);

    /// <summary>Removes a Waldur user from the scenario's project team (<c>projects/…/delete_user/</c>).</summary>
    public Task RemoveTeamMemberAsync(string username, string role = "PROJECT.MEMBER") => TeamChangeAsync("delete_user", username, role, System.Net.HttpStatusCode.OK);

    /// <summary>Changes a resource's paused/downscaled/restricted flags or state as a consumer would (emulator admin API).</summary>
    public async Task PatchResourceAsync(Guid resource, object fields)
    {
        using var content = System.Net.Http.Json.JsonContent.Create(fields);
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(new Uri(Emulator.BaseUrl), $"__admin/resources/{resource:N}")) { Content = content };
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail(await response.Content.ReadAsStringAsync());
        }
    }

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

    /// <summary>
    /// The requests of one cycle (0 = first) among those after the first <paramref name="since"/>: every
    /// cycle starts by reading the offering (<c>GET marketplace-provider-offerings/&lt;uuid&gt;/</c>), so the
    /// request log splits there.
    /// </summary>
    public IReadOnlyList<RequestLogEntry> CycleRequests(int cycle, int since)
    {
        var start = $"/api/marketplace-provider-offerings/{Scenario.OfferingUuid:N}/";
        var all = Emulator.Requests.Skip(since).ToList();
        var starts = all.Select((r, i) => (r, i)).Where(p => p.r.Method == "GET" && p.r.Path == start).Select(p => p.i).ToList();
        if (starts.Count <= cycle)
        {
            Assert.Fail($"only {starts.Count} cycles in the request log");
        }

        var end = cycle + 1 < starts.Count ? starts[cycle + 1] : all.Count;
        return all.Skip(starts[cycle]).Take(end - starts[cycle]).ToList();
    }

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

    private async Task TeamChangeAsync(string action, string username, string role, System.Net.HttpStatusCode expected)
    {
        var (project, user) = Emulator.Read(s => (s.Projects.Single(p => p.Slug == Scenario.ProjectSlug).Uuid, s.Users.Single(u => u.Username == username).Uuid));
        using var content = System.Net.Http.Json.JsonContent.Create(new { user, role });
        using var response = await _http.PostAsync(new Uri(new Uri(Emulator.ApiUrl), $"projects/{project}/{action}/"), content);
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{action} {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>GET on the emulator's API with the agent's token, as JSON.</summary>
    public async Task<JsonElement> GetAsync(string relative)
    {
        using var response = await _http.GetAsync(new Uri(new Uri(Emulator.ApiUrl), relative));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"GET {relative}: {(int)response.StatusCode} {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
