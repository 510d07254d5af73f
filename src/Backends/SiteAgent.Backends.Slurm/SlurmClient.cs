using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

/// <summary>How <see cref="SlurmClient"/> builds and runs commands.</summary>
/// <param name="BinPath">Directory of sacctmgr/sacct/scancel/sinfo; empty resolves them through PATH.</param>
/// <param name="ClusterName">Cluster every association command is scoped to; null for none.</param>
/// <param name="Timeout">Time limit of one command.</param>
/// <param name="TimeZoneId">IANA zone passed to sacct as <c>TZ</c>; null leaves the inherited environment.</param>
public sealed record SlurmClientSettings(string BinPath, string? ClusterName, TimeSpan Timeout, string? TimeZoneId = null);

/// <summary>
/// Runs SLURM's command-line tools and turns their answers into records. Knows SLURM
/// accounts, users, QoS and TRES; knows nothing of Waldur.
/// </summary>
/// <remarks>
/// Every argument is one argv element and every name is checked by <see cref="SlurmNames"/> again here,
/// so a caller that forgot cannot smuggle options in. Reads use <c>--parsable2 --noheader --immediate</c>
/// (<c>--immediate</c> because a <c>show account … cluster=</c> without it asks a question and, with
/// stdin at end-of-file, loops forever). Writes take the host-wide <see cref="SacctmgrWriteLock"/>.
/// </remarks>
public sealed partial class SlurmClient
{
    private static readonly string[] SacctmgrFlags = ["--parsable2", "--noheader", "--immediate"];
    private static readonly string[] SacctmgrReadOnlyFlags = ["--parsable2", "--noheader"];
    private static readonly string[] SacctFlags = ["--parsable2", "--noheader"];

    /// <summary>
    /// Longest comma-joined name list put into one argument. Linux refuses a single argument over 128 KiB
    /// (MAX_ARG_STRLEN); at 64 Ki characters a thousand 60-character account names still fit in one command.
    /// </summary>
    internal const int MaxListArgumentLength = 64 * 1024;

    private readonly SlurmClientSettings _settings;
    private readonly ICommandRunner _runner;
    private readonly SacctmgrWriteLock? _writeLock;
    private readonly ILogger _logger;

    // The lock held by the critical section this flow of execution runs in (ExclusivelyAsync), if any.
    private readonly AsyncLocal<SacctmgrWriteLock.Holder?> _held = new();

    /// <summary>Creates a client.</summary>
    /// <param name="settings">Paths, cluster and limits.</param>
    /// <param name="runner">Runs the commands (a dry-run runner only records writes).</param>
    /// <param name="writeLock">Host-wide lock for sacctmgr writes; null only where writes cannot race (tests of argv).</param>
    /// <param name="logger">Where command failures are logged.</param>
    public SlurmClient(SlurmClientSettings settings, ICommandRunner runner, SacctmgrWriteLock? writeLock, ILogger logger)
    {
        _settings = settings;
        _runner = runner;
        _writeLock = writeLock;
        _logger = logger;
        if (settings.ClusterName is { } cluster)
        {
            SlurmNames.Account(cluster, "cluster_name");
        }
    }

    /// <summary>The cluster commands are scoped to, for messages.</summary>
    internal string ClusterLabel => _settings.ClusterName ?? "(all clusters)";

    /// <summary>The <c>cluster=C</c> token, or nothing.</summary>
    private string[] Cluster => _settings.ClusterName is { } c ? [$"cluster={c}"] : [];

    /// <summary>The <c>--cluster=C</c> option of sacct and scancel, or nothing.</summary>
    private string[] ClusterOption => _settings.ClusterName is { } c ? [$"--cluster={c}"] : [];

    private string Program(string name) => _settings.BinPath.Length == 0 ? name : Path.Combine(_settings.BinPath, name);

    private CommandSpec Sacctmgr(CommandEffect effect, params string[] arguments) =>
        new(Program("sacctmgr"), [.. SacctmgrFlags, .. arguments], effect, _settings.Timeout);

    private CommandSpec SacctmgrReadOnly(params string[] arguments) =>
        new(Program("sacctmgr"), [.. SacctmgrReadOnlyFlags, .. arguments], CommandEffect.Read, _settings.Timeout);

    private CommandSpec Sacct(params string[] arguments) =>
        new(Program("sacct"), [.. SacctFlags, .. ClusterOption, .. arguments], CommandEffect.Read, _settings.Timeout)
        {
            // sacct reads --starttime/--endtime in its own local zone: give it the agent's billing zone.
            Environment = _settings.TimeZoneId is { } zone ? new Dictionary<string, string> { ["TZ"] = zone } : null,
        };

    /// <summary>Runs a read; a non-zero exit or a cut-off output is a <see cref="BackendException"/>.</summary>
    private async Task<string> ReadAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        var result = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw Failure(command, result.Output);
        }

        return result.Output;
    }

    /// <summary>
    /// Runs <paramref name="section"/>, a sequence of this client's reads and writes, while holding the
    /// host-wide write lock once: what its reads saw still holds when its writes run, because no other
    /// process writes in between. Writes inside use the held lock; nested sections join the outer one.
    /// </summary>
    /// <remarks>
    /// For check-then-write sequences that another process could invalidate in the gap, such as "remove
    /// the project when nothing lives under it" against "create an allocation under that project": SLURM
    /// removes a parent with its whole sub-tree, so the gap would lose the new allocation. The section must
    /// run its commands one after another. Without a lock (dry run) it simply runs.
    /// </remarks>
    public async Task<T> ExclusivelyAsync<T>(Func<Task<T>> section, CancellationToken cancellationToken)
    {
        if (_writeLock is null || _held.Value is not null)
        {
            return await section().ConfigureAwait(false);
        }

        using var holder = await _writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false);
        _held.Value = holder;
        try
        {
            return await section().ConfigureAwait(false);
        }
        finally
        {
            _held.Value = null;
        }
    }

    /// <summary>Runs <paramref name="section"/> as one critical section under the write lock (see the generic overload).</summary>
    public Task ExclusivelyAsync(Func<Task> section, CancellationToken cancellationToken) =>
        ExclusivelyAsync(
            async () =>
            {
                await section().ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>Runs a sacctmgr write under the host-wide lock (the section's, inside one) and classifies its answer.</summary>
    private async Task<(SacctmgrOutcome Outcome, string Output)> WriteAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        Record(command);
        var result = Inspect(command, _held.Value is { } held
            ? await held.RunAsync(_runner, command, cancellationToken).ConfigureAwait(false)
            : _writeLock is null
                ? await _runner.RunAsync(command, cancellationToken).ConfigureAwait(false)
                : await _writeLock.RunAsync(_runner, command, cancellationToken).ConfigureAwait(false));
        return (SlurmParser.ClassifyWrite(result.ExitCode, result.Output), result.Output);
    }

    /// <summary>Runs a write that must simply succeed.</summary>
    private async Task WriteOrThrowAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        var (outcome, output) = await WriteAsync(command, cancellationToken).ConfigureAwait(false);
        if (outcome != SacctmgrOutcome.Success)
        {
            throw Failure(command, output);
        }
    }

    private async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        Record(command);
        return Inspect(command, await _runner.RunAsync(command, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Refuses a cut-off output and logs a failure; returns the result unchanged otherwise.</summary>
    private CommandResult Inspect(CommandSpec command, CommandResult result)
    {
        if (result.Truncated)
        {
            throw new BackendException(
                $"{command.Display} printed more output than the agent accepts and was killed; a SLURM command that " +
                "never ends usually waits for a confirmation (is --immediate missing?)");
        }

        if (!result.Succeeded)
        {
            SlurmLog.CommandFailed(_logger, command.Display, result.ExitCode, FirstLine(result.Output));
        }

        return result;
    }

    /// <summary>Splits names into runs whose comma-joined length stays within <see cref="MaxListArgumentLength"/>.</summary>
    internal static IEnumerable<IReadOnlyList<string>> ListChunks(IReadOnlyList<string> names, int maxLength = MaxListArgumentLength)
    {
        var chunk = new List<string>();
        var length = 0;
        foreach (var name in names)
        {
            if (chunk.Count > 0 && length + 1 + name.Length > maxLength)
            {
                yield return chunk;
                chunk = [];
                length = 0;
            }

            length += (chunk.Count > 0 ? 1 : 0) + name.Length;
            chunk.Add(name);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static BackendException Failure(CommandSpec command, string output) =>
        new($"{command.Display} failed: {Flatten(output)}");

    private static string FirstLine(string output)
    {
        var text = output.AsSpan().Trim();
        var newline = text.IndexOf('\n');
        return (newline < 0 ? text : text[..newline]).ToString();
    }

    private static string Flatten(string output)
    {
        var text = string.Join("; ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length == 0 ? "(no output)" : text.Length > 2000 ? text[..2000] + "…" : text;
    }
}
