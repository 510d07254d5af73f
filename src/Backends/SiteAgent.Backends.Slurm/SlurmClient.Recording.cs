namespace SiteAgent.Backends.Slurm;

/// <summary>The command log a periodic-settings result returns: every command line a section ran.</summary>
public sealed partial class SlurmClient
{
    // The log of the section this flow of execution runs in (RecordCommandsAsync), if any.
    private readonly AsyncLocal<ICollection<string>?> _recording = new();

    /// <summary>Runs <paramref name="section"/> and appends every command line it runs, reads and writes, to <paramref name="log"/>, even when it fails.</summary>
    public async Task RecordCommandsAsync(ICollection<string> log, Func<Task> section)
    {
        var outer = _recording.Value;
        _recording.Value = log;
        try
        {
            await section().ConfigureAwait(false);
        }
        finally
        {
            _recording.Value = outer;
        }
    }

    /// <summary>Sets one TRES of an association limit (<c>GrpTRESMins</c>, <c>MaxTRESMins</c>, <c>GrpTRES</c>, <c>MaxTRES</c>) on the account; other TRES keep theirs.</summary>
    public Task SetAccountTresLimitAsync(string account, string limitType, string tres, long value, CancellationToken cancellationToken)
    {
        if (!PeriodicSettings.LimitTypes.Contains(limitType, StringComparer.Ordinal))
        {
            throw new UnsafeValueException($"Refusing limit type {SlurmNames.Quote(limitType)}: expected one of {string.Join(", ", PeriodicSettings.LimitTypes)}");
        }

        return ModifyAccountAsync(account, ["set", $"{limitType}={SlurmNames.Tres(tres)}={value}"], cancellationToken);
    }

    private void Record(Commands.CommandSpec command) => _recording.Value?.Add(command.Display);
}
