using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Emulator.Faults;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.Recording;
using SiteAgent.Waldur.Emulator.Routes;
using SiteAgent.Waldur.Emulator.Scenario;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator;

/// <summary>A running emulator on 127.0.0.1, usable in-process by tests or from the standalone program.</summary>
/// <remarks>
/// In a test: <c>await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ContractObserver = true });</c>,
/// then point an HttpClient at <see cref="ApiUrl"/> with <c>Authorization: Token emulator-token</c>.
/// </remarks>
public sealed class EmulatorHost : IAsyncDisposable
{
    private static readonly Lazy<ApiRouteTable> SharedRoutes = new(WaldurApi.Build);
    private readonly WebApplication _app;
    private readonly EmulatorPipeline _pipeline;

    private EmulatorHost(WebApplication app, EmulatorPipeline pipeline, string baseUrl)
    {
        _app = app;
        _pipeline = pipeline;
        BaseUrl = baseUrl;
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>API base as the agent configures it: <c>http://127.0.0.1:41234/api/</c>.</summary>
    public string ApiUrl => BaseUrl + "api/";

    /// <summary>OIDC token endpoint: <c>http://127.0.0.1:41234/oidc/token</c>.</summary>
    public string OidcTokenUrl => BaseUrl + "oidc/token";

    /// <summary>The options the instance runs with.</summary>
    public EmulatorOptions Options => _pipeline.Options;

    /// <summary>The in-memory state; take <see cref="EmulatorState.Sync"/> while touching it.</summary>
    public EmulatorState State => _pipeline.State;

    /// <summary>Exchanges seen so far (admin API: <c>GET /__admin/requests</c>).</summary>
    public IReadOnlyList<RequestLogEntry> Requests => _pipeline.Log.Entries;

    /// <summary>Contract violations found by the observer (admin API: <c>GET /__admin/violations</c>).</summary>
    public IReadOnlyList<ObservedViolation> Violations => _pipeline.Log.Violations;

    /// <summary>Active fault rules.</summary>
    public FaultInjector Faults => _pipeline.Faults;

    /// <summary>Starts an instance; with port 0 a free port is chosen.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        if (options.ContractObserver) _ = WaldurContract.Default;
        var state = new EmulatorState(options.Clock);
        var pipeline = new EmulatorPipeline(options, state, SharedRoutes.Value);
        lock (state.Sync)
        {
            pipeline.Reset();
            if (options.ScenarioPath is { } path) ScenarioSeeder.Seed(state, ScenarioDocument.Load(path), path);
            pipeline.Publisher?.Rebaseline(state);
        }
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // Tests start many hosts in one process: none of them may hook Ctrl+C/SIGTERM (the standalone program does).
        builder.Services.AddSingleton<IHostLifetime, SilentLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("Kestrel reported no listening address");
        return new EmulatorHost(app, pipeline, address.TrimEnd('/') + "/");
    }

    /// <summary>Adds a scenario (YAML or JSON text) to the current state.</summary>
    public void Seed(string scenario, bool? yaml = null)
    {
        var root = ScenarioDocument.Parse(scenario, yaml);
        lock (State.Sync) ScenarioSeeder.Seed(State, root, "scenario");
        _pipeline.PublishChangesAsync(null).GetAwaiter().GetResult();
    }

    /// <summary>Waldur's publishing side, when the emulator runs with a broker.</summary>
    public Broker.EventPublisher? Publisher => _pipeline.Publisher;

    /// <summary>Runs <paramref name="action"/> under the state lock and returns its result.</summary>
    public T Read<T>(Func<EmulatorState, T> action)
    {
        lock (State.Sync) return action(State);
    }

    /// <summary>Makes all OIDC-issued Bearer tokens expire now.</summary>
    public int ExpireOidcTokens() => _pipeline.Auth.ExpireIssued();

    /// <summary>A host lifetime that registers no console or signal handlers.</summary>
    private sealed class SilentLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Stops Kestrel; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _pipeline.Publisher?.Dispose();
    }
}
