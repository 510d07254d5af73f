using System.Globalization;
using System.Text.Json;
using SiteAgent.Backends.Capabilities;

namespace SiteAgent.Backends.Slurm;

/// <summary>Periodic usage-policy settings: fairshare, one association limit per TRES, raw-usage resets.</summary>
public sealed partial class SlurmBackend
{
    private const string EmulatorMode = "emulator";

    /// <inheritdoc />
    /// <remarks>
    /// Fairshare and limits are compared with the account-level association first and written only where
    /// they differ, all under one hold of the write lock, so that a command Waldur re-sends changes nothing.
    /// The reference read columns that SLURM prints empty without associations and so re-wrote everything
    /// every time. A raw-usage reset always runs: it is the point of the command.
    /// </remarks>
    public async Task<PeriodicSettingsResult> ApplyPeriodicSettingsAsync(string backendId, JsonElement settings, CancellationToken cancellationToken)
    {
        var options = _options.PeriodicLimits;
        var mode = options.EmulatorMode ? EmulatorMode : PeriodicSettingsResult.Production;
        if (!options.Enabled)
        {
            SlurmLog.PeriodicSettingsRefused(_logger, SlurmNames.Quote(backendId));
            return PeriodicSettingsResult.Failed(
                $"Periodic limits are not enabled for offering \"{_context.OfferingName}\": set backend_settings.periodic_limits.enabled: true to apply them",
                mode, reason: "periodic_limits_not_enabled");
        }

        var commands = new List<string>();
        var changes = new List<string>();
        var account = SlurmNames.Quote(backendId);
        try
        {
            account = SlurmNames.Account(backendId, "resource backend_id");
            var wanted = PeriodicSettings.Parse(settings, options.LimitType);
            if (options.EmulatorMode)
            {
                await new PeriodicSettingsEmulatorClient(options.EmulatorBaseUrl).ApplyAsync(account, wanted, cancellationToken).ConfigureAwait(false);
                changes.Add(Describe(wanted));
            }
            else
            {
                await Client.RecordCommandsAsync(commands, () => Client.ExclusivelyAsync(
                    () => ApplyDifferencesAsync(account, wanted, changes, cancellationToken), cancellationToken)).ConfigureAwait(false);
            }
        }
        catch (BackendException e)
        {
            SlurmLog.PeriodicSettingsFailed(_logger, account, mode, e.Message);
            return PeriodicSettingsResult.Failed(e.Message, mode, commands);
        }

        SlurmLog.PeriodicSettingsApplied(_logger, account, mode, changes.Count == 0 ? "nothing differed" : string.Join(", ", changes));
        return new PeriodicSettingsResult(true, mode, commands);
    }

    private async Task ApplyDifferencesAsync(string account, PeriodicSettings wanted, List<string> changes, CancellationToken cancellationToken)
    {
        var current = await Client.GetAssociationSettingsAsync(account, cancellationToken).ConfigureAwait(false)
            ?? throw new BackendException($"SLURM account {account} does not exist on cluster {ClusterLabel}; its periodic settings cannot be applied");
        if (wanted.Fairshare is { } fairshare && current.Fairshare != fairshare)
        {
            await Client.SetFairshareAsync(account, fairshare, cancellationToken).ConfigureAwait(false);
            changes.Add(Invariant($"fairshare {current.Fairshare} → {fairshare}"));
        }

        if (wanted.LimitType is { } limitType)
        {
            var have = CurrentLimits(current, limitType);
            foreach (var (tres, value) in wanted.Limits.Where(limit => LimitDiffers(have, limit.Key, limit.Value)))
            {
                await Client.SetAccountTresLimitAsync(account, limitType, tres, value, cancellationToken).ConfigureAwait(false);
                changes.Add(Invariant($"{limitType} {tres}={value}"));
            }
        }

        if (wanted.ResetRawUsage)
        {
            await Client.ResetRawUsageAsync(account, cancellationToken).ConfigureAwait(false);
            changes.Add("raw usage reset");
        }
    }

    /// <summary>The current values of one limit column, TRES → value as SLURM prints it.</summary>
    private static IReadOnlyDictionary<string, string> CurrentLimits(AssociationSettings current, string limitType) => limitType switch
    {
        "GrpTRESMins" => current.GrpTresMins,
        "MaxTRESMins" => current.MaxTresMins,
        "GrpTRES" => current.GrpTres,
        "MaxTRES" => current.MaxTres,
        _ => throw new BackendException($"Unknown limit type {SlurmNames.Quote(limitType)}"),
    };

    /// <summary>
    /// Whether one TRES must be written: its current value, read in SLURM units, differs from the wanted one.
    /// An absent TRES has no limit, which -1 asks for. sacctmgr prints memory with a unit (<c>mem=1000M</c>),
    /// so a text comparison would rewrite memory limits every time.
    /// </summary>
    internal static bool LimitDiffers(IReadOnlyDictionary<string, string> have, string tres, long value) =>
        have.TryGetValue(tres, out var text)
            ? !SlurmParser.TryParseTresValue(tres, text, out var current) || current != value
            : value != -1;

    private static string Describe(PeriodicSettings settings)
    {
        var parts = new List<string>();
        if (settings.Fairshare is { } fairshare)
        {
            parts.Add(Invariant($"fairshare {fairshare}"));
        }

        if (settings.LimitsKey is { } key)
        {
            parts.Add($"{key} {string.Join(',', settings.Limits.Select(l => Invariant($"{l.Key}={l.Value}")))}");
        }

        if (settings.ResetRawUsage)
        {
            parts.Add("raw usage reset");
        }

        return parts.Count == 0 ? "nothing to send" : "sent " + string.Join(", ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
