using System.Text.Json;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Applies the settings of Waldur's periodic usage policies (fairshare, limits, usage resets) to an account.</summary>
[BackendCapability(BackendCapabilities.PeriodicSettings)]
public interface IPeriodicSettingsBackend
{
    /// <summary>
    /// Applies <paramref name="settings"/> (the policy's backend-specific JSON object) to the account
    /// <paramref name="backendId"/>. Never throws for a refused or failed command: the outcome, with the
    /// commands that ran, is the result, because every command gets a verdict back to Waldur.
    /// </summary>
    Task<PeriodicSettingsResult> ApplyPeriodicSettingsAsync(string backendId, JsonElement settings, CancellationToken cancellationToken);
}

/// <summary>The verdict on one periodic-settings command, as it is reported to Waldur.</summary>
/// <param name="Success">Every requested change is in place.</param>
/// <param name="Mode"><c>production</c> (the resource manager) or <c>emulator</c> (a test HTTP API).</param>
/// <param name="CommandsExecuted">The command lines that ran, in order.</param>
/// <param name="Error">What failed and on which account; null on success.</param>
/// <param name="Reason">A machine-readable refusal code such as <c>periodic_limits_not_enabled</c>; null otherwise.</param>
public sealed record PeriodicSettingsResult(bool Success, string Mode, IReadOnlyList<string> CommandsExecuted, string? Error = null, string? Reason = null)
{
    /// <summary>Mode of results that come from the resource manager itself.</summary>
    public const string Production = "production";

    /// <summary>A failure before or while applying, with the commands that had run.</summary>
    public static PeriodicSettingsResult Failed(string error, string mode = Production, IReadOnlyList<string>? commands = null, string? reason = null) =>
        new(false, mode, commands ?? [], error, reason);
}
