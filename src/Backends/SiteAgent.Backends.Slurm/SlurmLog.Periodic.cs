using Microsoft.Extensions.Logging;

namespace SiteAgent.Backends.Slurm;

/// <summary>Log events of periodic usage-policy settings.</summary>
internal static partial class SlurmLog
{
    [LoggerMessage(EventId = 4090, Level = LogLevel.Information, Message = "Periodic settings applied to SLURM account {Account} ({Mode}): {Changes}")]
    public static partial void PeriodicSettingsApplied(ILogger logger, string account, string mode, string changes);

    [LoggerMessage(EventId = 4091, Level = LogLevel.Warning, Message = "Periodic settings for SLURM account {Account} failed ({Mode}): {Reason}")]
    public static partial void PeriodicSettingsFailed(ILogger logger, string account, string mode, string reason);

    [LoggerMessage(EventId = 4092, Level = LogLevel.Warning,
        Message = "Periodic settings for {Account} refused: backend_settings.periodic_limits.enabled is not true for this offering")]
    public static partial void PeriodicSettingsRefused(ILogger logger, string account);
}
