using SiteAgent.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Core.Operator.TestOrders;

namespace SiteAgent.Commands;

/// <summary>The backend <c>test-order</c> asks, and the runtime it needs (disposed with it).</summary>
internal sealed class TestOrderBackends : IDisposable
{
    private OperatorRuntime? _runtime;

    /// <summary>The backend; null when it could not be set up.</summary>
    public TestOrderBackend? Backend { get; private set; }

    /// <summary>Why the backend could not be set up, for the result; null when the error was already printed.</summary>
    public string? Problem { get; private set; }

    /// <summary>The mock, or with <paramref name="real"/> the offering's configured order_processing_backend.</summary>
    public static TestOrderBackends Create(CommandContext context, AgentConfig config, OfferingConfig offering, bool real)
    {
        var backends = new TestOrderBackends();
        if (!real)
        {
            backends.Backend = TestOrderBackend.Mock();
            return backends;
        }

        var (environment, problems) = AgentEnvironment.Read(System.Environment.GetEnvironmentVariable);
        if (problems.Count > 0)
        {
            context.Error.WriteLine("Error: Failed to initialize test harness: " + string.Join("; ", problems));
            return backends;
        }

        backends._runtime = OperatorRuntime.Build(context, config, environment, "order_process", dryRun: false);
        try
        {
            backends.Backend = TestOrderBackend.Real(backends._runtime.Runtime, offering);
        }
        catch (BackendException e)
        {
            backends.Problem = $"Failed to initialize backend: {e.Message}";
        }

        return backends;
    }

    /// <inheritdoc />
    public void Dispose() => _runtime?.Dispose();
}
