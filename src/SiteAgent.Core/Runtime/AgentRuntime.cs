using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Commands;
using SiteAgent.Core.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Core.WaldurAccess;

namespace SiteAgent.Core.Runtime;

/// <summary>What a running agent process shares across offerings and cycles.</summary>
public sealed record AgentRuntime
{
    /// <summary>The validated config.</summary>
    public required AgentConfig Config { get; init; }

    /// <summary>Settings from environment variables.</summary>
    public required AgentEnvironment Environment { get; init; }

    /// <summary>Backends in this build.</summary>
    public required BackendCatalog Catalog { get; init; }

    /// <summary>Logging.</summary>
    public required ILoggerFactory Loggers { get; init; }

    /// <summary>Waldur clients, one per offering.</summary>
    public required WaldurClientFactory Clients { get; init; }

    /// <summary>Runs backend commands (a dry-run runner when <see cref="DryRun"/>).</summary>
    public required ICommandRunner Commands { get; init; }

    /// <summary>The mode this process runs (<c>order_process</c>…).</summary>
    public required string Mode { get; init; }

    /// <summary>Agent version, reported to Waldur.</summary>
    public required string Version { get; init; }

    /// <summary>Read everything, change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>When the process started (reported to Waldur as <c>last_restarted</c>).</summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;
}
