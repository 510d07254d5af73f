namespace SiteAgent.Core.Observability;

/// <summary>
/// Every log event id the agent uses, in one place so that ids are never reused. Operators filter
/// journald and shipped logs by these numbers; never renumber a shipped id.
/// </summary>
/// <remarks>
/// Ranges: 1000–1099 start-up and CLI; 1100–1199 config; 2000–2999 order processing;
/// 3000–3999 Waldur client (owned by SiteAgent.Waldur); 4000–4999 backends (SLURM 4000–4199).
/// </remarks>
public static class LogEvents
{
    /// <summary>Agent start-up banner with version.</summary>
    public const int AgentStarting = 1000;

    /// <summary>The config file in use.</summary>
    public const int ConfigSource = 1001;

    /// <summary>Backends compiled into this binary.</summary>
    public const int BackendsInBuild = 1002;

    /// <summary>Mode selected.</summary>
    public const int RunningMode = 1003;

    /// <summary>Shutdown requested by a signal.</summary>
    public const int ShutdownRequested = 1004;

    /// <summary>Agent stopped.</summary>
    public const int AgentStopped = 1005;

    /// <summary>A command or mode that a later release provides.</summary>
    public const int NotYetAvailable = 1006;

    /// <summary>Unhandled failure that ends the process.</summary>
    public const int Fatal = 1007;

    /// <summary>The config file failed validation.</summary>
    public const int ConfigInvalid = 1100;

    /// <summary>A non-fatal config problem.</summary>
    public const int ConfigWarning = 1101;

    /// <summary>An environment variable could not be used.</summary>
    public const int EnvironmentInvalid = 1102;
}
