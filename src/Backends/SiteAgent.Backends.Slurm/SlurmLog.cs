using Microsoft.Extensions.Logging;
using SiteAgent.Backends;

[assembly: LogEventIdRange(4000, 4199)]

namespace SiteAgent.Backends.Slurm;

/// <summary>Log events of the SLURM backend.</summary>
/// <remarks>
/// Event ids 4000–4199 belong to SLURM (the shared command runners use 4200–4299). Never reuse or
/// renumber one:
/// 4000 CommandFailed, 4001 AccountCreated, 4002 AccountExists, 4003 AccountRemoved, 4004 AccountAbsent,
/// 4005 LimitsSet, 4006 LimitsSkipped, 4007 TresDropped, 4008 PrepaidDatesMissing, 4009 SoftDeleted,
/// 4010 ProjectAccountKept, 4011 JobsStillActive, 4012 QosRemovalFailed, 4013 LongAccountAdopted,
/// 4014 AccountNotOwned, 4015 NothingRemoved, 4020 UserAdded, 4021 UserExists,
/// 4022 UserAddFailed, 4023 UserRemoved, 4024 UserRemoveFailed, 4025 UsernameRefused, 4026 UserLookupFailed,
/// 4027 EmptyUsername, 4028 UserBatchFailed, 4029 UserLimitsSet, 4030 HomeDirectoryCreated, 4031 HomeDirectoryExists, 4032 HomeDirectoryFailed,
/// 4040 UsageLineSkipped, 4042 UsageBatchFailed, 4041 UnparsedLimit, 4050 StatusNotConfigured, 4051 QosChanged, 4052 QosUnchanged,
/// 4060 DiagnosticSetting, 4061 DiagnosticResult, 4062 DiagnosticProblem, 4063 FeatureNotApplied,
/// 4064 PullFailed, 4065 QosCreated, 4066 AccountNotFound, 4067 WaitingForOrphanedWriter, 4068 OrphanedWriterEnded,
/// 4069 WriterRecordUnreadable, 4070 WriterRecordFailed, 4071 ParentVanished, 4080 ListedAccountSkipped, 4081 ResourcesListed.
/// 4090 PeriodicSettingsApplied, 4091 PeriodicSettingsFailed, 4092 PeriodicSettingsRefused (in SlurmLog.Periodic.cs).
/// </remarks>
internal static partial class SlurmLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "{Command} exited with {ExitCode}: {FirstLine}")]
    public static partial void CommandFailed(ILogger logger, string command, int exitCode, string firstLine);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Created SLURM account {Account} under {Parent}")]
    public static partial void AccountCreated(ILogger logger, string account, string parent);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "SLURM account {Account} already exists; reusing it unchanged")]
    public static partial void AccountExists(ILogger logger, string account);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Removed SLURM account {Account}")]
    public static partial void AccountRemoved(ILogger logger, string account);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "SLURM account {Account} does not exist on cluster {Cluster}; nothing to do for resource {ResourceUuid}")]
    public static partial void AccountAbsent(ILogger logger, string account, string cluster, Guid resourceUuid);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Set GrpTRESMins of {Account} to {Limits}")]
    public static partial void LimitsSet(ILogger logger, string account, string limits);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "No limits to set on {Account}")]
    public static partial void LimitsSkipped(ILogger logger, string account);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Not setting limit {Tres} on {Account}: the cluster has no such TRES (sacctmgr list tres)")]
    public static partial void TresDropped(ILogger logger, string tres, string account);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Resource {ResourceUuid} has a prepaid component but no created/end date; its limit is not multiplied by months")]
    public static partial void PrepaidDatesMissing(ILogger logger, Guid resourceUuid);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Soft-deleted SLURM account {Account}: limits set to zero, account kept for a restore")]
    public static partial void SoftDeleted(ILogger logger, string account);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Keeping project account {Project}: still used by {Accounts}")]
    public static partial void ProjectAccountKept(ILogger logger, string project, string accounts);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Jobs {JobIds} of {Account} are still active {Seconds} s after scancel")]
    public static partial void JobsStillActive(ILogger logger, string jobIds, string account, int seconds);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Could not remove QoS {Qos}: {Reason}")]
    public static partial void QosRemovalFailed(ILogger logger, string qos, string reason);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Using the existing SLURM account {Account} under its full name (longer than 42 characters, made before ids were shortened)")]
    public static partial void LongAccountAdopted(ILogger logger, string account);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning,
        Message = "Resource {ResourceUuid} holds backend_id {Account}, but that SLURM account is not the resource's own: {Reason}; nothing is written to it")]
    public static partial void AccountNotOwned(ILogger logger, Guid resourceUuid, string account, string reason);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning,
        Message = "Terminating resource {ResourceUuid} removes nothing: SLURM account {Account} is not its own and stays as it is; the resource owns no account")]
    public static partial void NothingRemoved(ILogger logger, Guid resourceUuid, string account);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Added user {User} to SLURM account {Account}")]
    public static partial void UserAdded(ILogger logger, string user, string account);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Debug, Message = "User {User} already has an association on {Account}")]
    public static partial void UserExists(ILogger logger, string user, string account);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Error, Message = "Could not add user {User} to SLURM account {Account}: {Reason}")]
    public static partial void UserAddFailed(ILogger logger, string user, string account, string reason);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Information, Message = "Removed user {User} from SLURM account {Account}")]
    public static partial void UserRemoved(ILogger logger, string user, string account);

    [LoggerMessage(EventId = 4024, Level = LogLevel.Error, Message = "Could not remove user {User} from SLURM account {Account}: {Reason}; the next cycle tries again")]
    public static partial void UserRemoveFailed(ILogger logger, string user, string account, string reason);

    [LoggerMessage(EventId = 4025, Level = LogLevel.Error, Message = "Skipping a user of {Account}: {Reason}")]
    public static partial void UsernameRefused(ILogger logger, string account, string reason);

    [LoggerMessage(EventId = 4026, Level = LogLevel.Warning, Message = "Could not look up user {User} in the system user database; treating it as existing")]
    public static partial void UserLookupFailed(ILogger logger, string user);

    [LoggerMessage(EventId = 4027, Level = LogLevel.Warning, Message = "Skipping an empty username for {Account}")]
    public static partial void EmptyUsername(ILogger logger, string account);

    [LoggerMessage(EventId = 4028, Level = LogLevel.Warning, Message = "Adding {Count} users to SLURM account {Account} in one command failed ({Reason}); adding them one by one")]
    public static partial void UserBatchFailed(ILogger logger, string account, int count, string reason);

    [LoggerMessage(EventId = 4029, Level = LogLevel.Information, Message = "Set MaxTRESMins of user {User} on {Account} to {Limits}")]
    public static partial void UserLimitsSet(ILogger logger, string user, string account, string limits);

    [LoggerMessage(EventId = 4033, Level = LogLevel.Error, Message = "Could not set the per-user limits of {User} on SLURM account {Account}: {Reason}; the next cycle tries again")]
    public static partial void UserLimitsFailed(ILogger logger, string user, string account, string reason);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Created home directory of {User}")]
    public static partial void HomeDirectoryCreated(ILogger logger, string user);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Debug, Message = "Home directory {Path} exists")]
    public static partial void HomeDirectoryExists(ILogger logger, string path);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Error, Message = "Could not create the home directory of {User}: {Reason}")]
    public static partial void HomeDirectoryFailed(ILogger logger, string user, string reason);

    [LoggerMessage(EventId = 4040, Level = LogLevel.Warning, Message = "sacct printed a usage line the agent cannot read (counted as 0): {Line}")]
    public static partial void UsageLineSkipped(ILogger logger, string line);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Warning, Message = "sacct for {Count} accounts, month {Month}, failed ({Reason}); reading the accounts one by one to find the one that fails")]
    public static partial void UsageBatchFailed(ILogger logger, int count, string month, string reason);

    [LoggerMessage(EventId = 4041, Level = LogLevel.Warning, Message = "Limit {Tres} of {Account} is not a number; read as no limit")]
    public static partial void UnparsedLimit(ILogger logger, string tres, string account);

    [LoggerMessage(EventId = 4050, Level = LogLevel.Error, Message = "Cannot {Operation} {Account}: backend_settings.{Setting} is not set")]
    public static partial void StatusNotConfigured(ILogger logger, string operation, string account, string setting);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Information, Message = "Set QoS of {Account} to {Qos}")]
    public static partial void QosChanged(ILogger logger, string account, string qos);

    [LoggerMessage(EventId = 4052, Level = LogLevel.Debug, Message = "QoS of {Account} is already {Qos}")]
    public static partial void QosUnchanged(ILogger logger, string account, string qos);

    [LoggerMessage(EventId = 4060, Level = LogLevel.Information, Message = "{Label} = {Value}")]
    public static partial void DiagnosticSetting(ILogger logger, string label, string value);

    [LoggerMessage(EventId = 4061, Level = LogLevel.Information, Message = "SLURM diagnostics: {Result}")]
    public static partial void DiagnosticResult(ILogger logger, string result);

    [LoggerMessage(EventId = 4062, Level = LogLevel.Error, Message = "SLURM diagnostics: {Problem}")]
    public static partial void DiagnosticProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 4063, Level = LogLevel.Warning, Message = "backend_settings.{Setting} is configured but this agent does not apply it yet")]
    public static partial void FeatureNotApplied(ILogger logger, string setting);

    [LoggerMessage(EventId = 4064, Level = LogLevel.Warning, Message = "Reading SLURM account {Account} for resource {ResourceUuid} failed: {Reason}")]
    public static partial void PullFailed(ILogger logger, string account, Guid resourceUuid, string reason);

    [LoggerMessage(EventId = 4066, Level = LogLevel.Debug, Message = "SLURM account {Account} does not exist on cluster {Cluster} (resource {ResourceUuid})")]
    public static partial void AccountNotFound(ILogger logger, string account, string cluster, Guid resourceUuid);

    [LoggerMessage(EventId = 4065, Level = LogLevel.Information, Message = "Created QoS {Qos} for {Account}")]
    public static partial void QosCreated(ILogger logger, string qos, string account);

    [LoggerMessage(EventId = 4067, Level = LogLevel.Warning, Message = "sacctmgr (pid {Pid}) left running by a holder of {LockFile} that died is still writing; waiting for it to end before the next write")]
    public static partial void WaitingForOrphanedWriter(ILogger logger, int pid, string lockFile);

    [LoggerMessage(EventId = 4068, Level = LogLevel.Information, Message = "sacctmgr (pid {Pid}) of a dead lock holder ended after {Seconds} s; writing")]
    public static partial void OrphanedWriterEnded(ILogger logger, int pid, double seconds);

    [LoggerMessage(EventId = 4069, Level = LogLevel.Warning, Message = "Ignoring the content of the sacctmgr write lock {LockFile}: {Reason}")]
    public static partial void WriterRecordUnreadable(ILogger logger, string lockFile, string reason);

    [LoggerMessage(EventId = 4070, Level = LogLevel.Warning, Message = "Could not record the running sacctmgr in {LockFile}: {Reason}; should this process die, the next writer will not wait for it")]
    public static partial void WriterRecordFailed(ILogger logger, string lockFile, string reason);

    [LoggerMessage(EventId = 4071, Level = LogLevel.Warning, Message = "Parent account {Parent} of {Account} was removed by another process since this agent saw it; creating it again")]
    public static partial void ParentVanished(ILogger logger, string parent, string account);

    [LoggerMessage(EventId = 4080, Level = LogLevel.Warning, Message = "SLURM account {Account} is not listed as a resource: {Reason}")]
    public static partial void ListedAccountSkipped(ILogger logger, string account, string reason);

    [LoggerMessage(EventId = 4081, Level = LogLevel.Information, Message = "Listed {Count} SLURM accounts as resources ({Records} account records) on cluster {Cluster}")]
    public static partial void ResourcesListed(ILogger logger, int count, int records, string cluster);
}
