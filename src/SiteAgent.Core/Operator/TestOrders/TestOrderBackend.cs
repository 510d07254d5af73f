using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Commands;
using SiteAgent.Core.Config;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>
/// The backend an order test asks: the mock (default), which answers every ping, or the offering's
/// configured <c>order_processing_backend</c>, which really pings (SLURM: reads the accounts of the
/// cluster). The real backend runs its commands through a runner that refuses every write, so a test
/// never changes the backend.
/// </summary>
public sealed class TestOrderBackend
{
    private readonly Func<CancellationToken, Task<BackendOperation>> _ping;

    private TestOrderBackend(string name, Func<CancellationToken, Task<BackendOperation>> ping)
    {
        Name = name;
        _ping = ping;
    }

    /// <summary>The backend's name: <c>mock</c> or the backend id.</summary>
    public string Name { get; }

    /// <summary>Writes the real backend tried to make and that were refused.</summary>
    public List<string> RefusedWrites { get; } = [];

    /// <summary>The mock backend.</summary>
    public static TestOrderBackend Mock() =>
        new("mock", _ => Task.FromResult(new BackendOperation("ping", "mock", "answered")));

    /// <summary>
    /// The offering's <c>order_processing_backend</c>, built from the config alone (Waldur is not
    /// asked). Throws <see cref="BackendException"/> when the offering has none or it cannot be built.
    /// </summary>
    public static TestOrderBackend Real(AgentRuntime runtime, OfferingConfig offering)
    {
        var backendId = offering.OrderProcessingBackend;
        if (backendId.Length == 0)
        {
            throw new BackendException($"offering \"{offering.Name}\" has no order_processing_backend in the config");
        }

        var logger = runtime.Loggers.CreateLogger("SiteAgent.TestOrder");
        TestOrderBackend? created = null;
        var readOnly = new DryRunCommandRunner(runtime.Commands, logger, command =>
        {
            created!.RefusedWrites.Add(command.Display);
            TestOrderLog.WriteRefused(logger, command.Display);
        });
        var backend = new OfferingSessionFactory(runtime with { Commands = readOnly, DryRun = true }).CreateBackendFromConfig(offering, backendId);
        created = new TestOrderBackend(backendId, async cancellationToken =>
        {
            if (backend is not IDiagnosticsBackend diagnostics)
            {
                return new BackendOperation("ping", backendId, "not supported (the backend has no diagnostics)");
            }

            var answered = await diagnostics.PingAsync(cancellationToken).ConfigureAwait(false);
            return new BackendOperation("ping", backendId, answered ? "answered" : "did not answer", Failed: !answered);
        });
        return created;
    }

    /// <summary>Pings the backend and says what it answered.</summary>
    public Task<BackendOperation> PingAsync(CancellationToken cancellationToken) => _ping(cancellationToken);
}
