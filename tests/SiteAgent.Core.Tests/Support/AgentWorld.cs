using SiteAgent.Backends.Base;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Registry;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Core.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Emulator;

namespace SiteAgent.Core.Tests.Support;

/// <summary>
/// An agent runtime in the test process against an in-process Waldur emulator (contract observer on):
/// the real SLURM backend over a command runner the test gives, a clock the test moves, logs the test reads.
/// </summary>
internal sealed class AgentWorld : IAsyncDisposable
{
    public const string Token = "core-tests-token-0123456789abcdef";

    private readonly string _directory;

    private AgentWorld(EmulatorHost emulator, AgentRuntime runtime, ManualClock clock, ListLoggers logs, string directory)
    {
        Emulator = emulator;
        Runtime = runtime;
        Clock = clock;
        Logs = logs;
        _directory = directory;
        Heartbeat = new Heartbeat(Path.Combine(directory, "heartbeat"), clock, logs.CreateLogger("test"));
    }

    public EmulatorHost Emulator { get; }

    public AgentRuntime Runtime { get; }

    public ManualClock Clock { get; }

    public ListLoggers Logs { get; }

    public Heartbeat Heartbeat { get; }

    public OfferingConfig Offering => Runtime.Config.Offerings[0];

    /// <summary>Starts the emulator with <paramref name="scenario"/> and an agent whose config <paramref name="agentConfig"/> writes for the emulator's API URL.</summary>
    public static async Task<AgentWorld> StartAsync(string scenario, Func<string, string> agentConfig, ICommandRunner commands, DateTimeOffset now, ICatalogAddition? usernames = null)
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ContractObserver = true, Token = null });
        emulator.Seed(scenario, yaml: true);
        var catalog = Catalog(usernames);
        var loaded = new ConfigLoader(catalog).LoadText("/etc/waldur/test.yaml", agentConfig(emulator.ApiUrl));
        if (!loaded.IsValid)
        {
            Assert.Fail(loaded.ErrorReport());
        }

        var clock = new ManualClock(now);
        var logs = new ListLoggers();
        var runtime = new AgentRuntime
        {
            Config = loaded.Config!,
            Environment = new AgentEnvironment(),
            Catalog = catalog,
            Loggers = logs,
            Clients = new WaldurClientFactory(loaded.Config!, "tests", "0.0.1", logs),
            Commands = commands,
            Mode = "tests",
            Version = "0.0.1",
            Time = clock,
        };
        return new AgentWorld(emulator, runtime, clock, logs, Directory.CreateTempSubdirectory("core-world-").FullName);
    }

    /// <summary>The offering's session for this cycle.</summary>
    public Task<OfferingSession> SessionAsync(OfferingSessionFactory sessions, string backend = "slurm") => sessions.CreateAsync(Offering, backend, CancellationToken.None);

    /// <summary>Fails the test if an exchange broke the API schema.</summary>
    public async Task AssertNoContractViolationsAsync() =>
        await Assert.That(Emulator.Violations).IsEmpty().Because("contract violations:\n" + string.Join("\n", Emulator.Violations.Select(v => v.Violation.ToString())));

    public async ValueTask DisposeAsync()
    {
        Runtime.Clients.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static BackendCatalog Catalog(ICatalogAddition? extra) => new(
    [
        new BackendDescriptor("slurm", "SLURM", "1.0.0", "", typeof(SlurmBackend).FullName!,
            [BackendCapabilities.OrderProcessing, BackendCapabilities.MembershipSync, BackendCapabilities.UsageReporting, BackendCapabilities.LimitReading, BackendCapabilities.ResourceStatus, BackendCapabilities.UserLimits, BackendCapabilities.ResourceListing],
            r => SlurmOptions.Read(r), (settings, context) => new SlurmBackend((SlurmOptions)settings, context)),
        new BackendDescriptor("base", "Basic", "1.0.0", "", typeof(BaseUsernameBackend).FullName!,
            [BackendCapabilities.UsernameManagement], r => NoSettings.Read(r), (_, _) => new BaseUsernameBackend()),
        .. extra is null ? [] : new[] { extra.Descriptor },
    ]);
}

/// <summary>A test backend added to the world's catalog.</summary>
internal interface ICatalogAddition
{
    BackendDescriptor Descriptor { get; }
}
