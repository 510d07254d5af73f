using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;

namespace SiteAgent.Backends;

/// <summary>Everything a backend receives besides its own settings, fixed for the backend's lifetime.</summary>
/// <remarks>
/// A backend instance lives for one offering cycle (polling) or one message (events), so facts read
/// from Waldur at the start of the cycle (<see cref="Offering"/>) are final here.
/// </remarks>
public sealed record BackendContext
{
    /// <summary>Offering name from the config, for logs.</summary>
    public required string OfferingName { get; init; }

    /// <summary>Waldur offering uuid.</summary>
    public required Guid OfferingUuid { get; init; }

    /// <summary>Components: the config file's, plus those only Waldur knows (merged before construction).</summary>
    public IReadOnlyList<ComponentDefinition> Components { get; init; } = [];

    /// <summary><c>backend_settings</c> keys shared by every backend.</summary>
    public CommonBackendSettings Common { get; init; } = CommonBackendSettings.Default;

    /// <summary>Runs external commands (in dry-run mode it executes reads and records writes).</summary>
    public ICommandRunner Commands { get; init; } = NoCommandRunner.Instance;

    /// <summary>Where the backend logs.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The configured <c>timezone</c> (billing months follow it).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>What Waldur says about the offering (plugin options, partitions), uninterpreted.</summary>
    public OfferingFacts Offering { get; init; } = OfferingFacts.None;

    /// <summary>True in <c>--dry-run</c>: read everything, change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The component with the given type, or null.</summary>
    public ComponentDefinition? Component(string type)
    {
        foreach (var component in Components)
        {
            if (component.Type == type)
            {
                return component;
            }
        }

        return null;
    }
}

/// <summary>A runner for contexts that must not run commands (e.g. listing backends).</summary>
public sealed class NoCommandRunner : ICommandRunner
{
    /// <summary>The only instance.</summary>
    public static NoCommandRunner Instance { get; } = new();

    /// <inheritdoc />
    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken) =>
        throw new BackendException($"No command runner is configured here; refusing to run {command.Program}");
}
