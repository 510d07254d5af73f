using SiteAgent.Backends.Commands;
using SiteAgent.Core.Config;
using SiteAgent.Core.Runtime;
using SiteAgent.Core.WaldurAccess;

namespace SiteAgent.Commands;

/// <summary>
/// What a one-shot operator command works with: the config, Waldur clients and backends built the
/// same way as in the modes, and a dry-run plan when <c>--dry-run</c> is given.
/// </summary>
public sealed class OperatorRuntime : IDisposable
{
    private OperatorRuntime(AgentRuntime runtime, WaldurClientFactory clients, DryRunPlan? plan)
    {
        Runtime = runtime;
        Clients = clients;
        Plan = plan;
    }

    /// <summary>The runtime the Core code takes.</summary>
    public AgentRuntime Runtime { get; }

    /// <summary>The Waldur clients.</summary>
    public WaldurClientFactory Clients { get; }

    /// <summary>The plan the writes go to in dry-run; null otherwise.</summary>
    public DryRunPlan? Plan { get; }

    /// <summary>Loads the config and builds the runtime; null (after printing why) when the config or the environment is invalid.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="userAgentSuffix">What the User-Agent names (the mode, or the command).</param>
    /// <param name="dryRun">Writes are printed as <c>[dry-run]</c> lines instead of being made.</param>
    /// <param name="adjust">Changes the loaded config before anything is built (e.g. another token).</param>
    public static OperatorRuntime? Create(CommandContext context, string userAgentSuffix, bool dryRun, Func<AgentConfig, AgentConfig?>? adjust = null)
    {
        var config = context.LoadConfig();
        if (config is not null && adjust is not null)
        {
            config = adjust(config);
        }

        if (config is null)
        {
            return null;
        }

        var (environment, problems) = AgentEnvironment.Read(System.Environment.GetEnvironmentVariable);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine("error: " + problem);
            }

            return null;
        }

        return Build(context, config, environment, userAgentSuffix, dryRun);
    }

    /// <summary>Builds the runtime from a loaded config and environment (the agent's modes and the operator commands alike).</summary>
    public static OperatorRuntime Build(CommandContext context, AgentConfig config, AgentEnvironment environment, string mode, bool dryRun)
    {
        var plan = dryRun ? new DryRunPlan(context.Output) : null;
        var processRunner = new ProcessCommandRunner(context.Logging.CreateLogger("SiteAgent.Commands"));
        ICommandRunner commands = plan is null ? processRunner : new DryRunCommandRunner(processRunner, context.Logging.CreateLogger("SiteAgent.Commands"), plan.Command);
        var clients = new WaldurClientFactory(config, mode, AgentVersion.Current, context.Logging, plan is null ? null : plan.Waldur);
        var runtime = new AgentRuntime
        {
            Config = config,
            Environment = environment,
            Catalog = context.Catalog,
            Loggers = context.Logging,
            Clients = clients,
            Commands = commands,
            Mode = mode,
            Version = AgentVersion.Current,
            DryRun = dryRun,
        };
        return new OperatorRuntime(runtime, clients, plan);
    }

    /// <summary>Prints the dry-run summary line, when in dry-run.</summary>
    public void WritePlanSummary(TextWriter output)
    {
        if (Plan is not null)
        {
            output.WriteLine($"[dry-run] {Plan.Count} change(s) planned; nothing was changed in the backend or in Waldur");
        }
    }

    /// <inheritdoc />
    public void Dispose() => Clients.Dispose();
}
