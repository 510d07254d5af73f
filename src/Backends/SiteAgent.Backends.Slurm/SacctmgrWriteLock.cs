using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Serialises sacctmgr writes across every process on the host (agents, tests, scripts) with an
/// exclusive lock on a file, and makes each write wait for a sacctmgr that a dead holder left running.
/// </summary>
/// <remarks>
/// Why: SLURM 22.05's slurmdbd corrupts its account tree when two clients write at the same time,
/// and then crashes on every association read. One host may run several agents (one per offering, or
/// a polling and an event process), so an in-process lock is not enough.
/// How: .NET opens a file with <see cref="FileShare.None"/> on Linux with <c>flock(LOCK_EX|LOCK_NB)</c>,
/// which other processes (and other descriptors of this one, and <c>flock(1)</c> in scripts) respect;
/// a failed open is retried until the wait limit. The kernel drops the lock when the holder exits, so a
/// crash leaves no stale lock — but a sacctmgr the holder started keeps running. So while a write runs,
/// the lock file holds a <see cref="SacctmgrWriterRecord"/> of it, cleared when it ends; whoever takes
/// the lock next waits while that process still runs. Reads never take the lock. Setting
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> disables it; do not.
/// To write: <see cref="RunAsync"/>, or <see cref="AcquireAsync"/> and then <see cref="Holder.RunAsync"/>
/// for several writes in one critical section.
/// </remarks>
public sealed partial class SacctmgrWriteLock
{
    /// <summary>Environment variable naming the lock file (used when <c>sacctmgr_lock_file</c> is not set).</summary>
    public const string EnvironmentVariable = "WALDUR_SITE_AGENT_SACCTMGR_LOCK";

    /// <summary>Lock file used when /run is writable.</summary>
    public const string DefaultPath = "/run/waldur-site-agent/sacctmgr.lock";

    /// <summary>Lock file used when /run is not writable (the agent is not root).</summary>
    public const string FallbackPath = "/var/lib/waldur-site-agent/sacctmgr.lock";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan OrphanPoll = TimeSpan.FromMilliseconds(50);

    // Within one process, waiters for the same file queue here instead of spinning on it.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);

    private readonly string? _configuredPath;
    private readonly ILogger _logger;
    private string? _path;

    /// <summary>Creates the lock; the file is chosen and created on first use.</summary>
    /// <param name="configuredPath">The <c>sacctmgr_lock_file</c> setting, or null for the environment variable, then the defaults.</param>
    /// <param name="waitTimeout">How long a write waits for another holder (and for a sacctmgr a dead holder left) before failing.</param>
    /// <param name="logger">Where waiting for a dead holder's sacctmgr is reported.</param>
    public SacctmgrWriteLock(string? configuredPath, TimeSpan waitTimeout, ILogger? logger = null)
    {
        _configuredPath = configuredPath;
        WaitTimeout = waitTimeout;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How long an acquisition waits.</summary>
    public TimeSpan WaitTimeout { get; }

    /// <summary>The lock file in use (resolved on first acquisition, or now).</summary>
    public string Path => _path ??= ResolvePath(_configuredPath, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// The lock file to use: the setting, else the environment variable, else <see cref="DefaultPath"/>
    /// when its directory can be created and written, else <see cref="FallbackPath"/>.
    /// </summary>
    public static string ResolvePath(string? configured, string? fromEnvironment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        return DirectoryWritable(System.IO.Path.GetDirectoryName(DefaultPath)!) ? DefaultPath : FallbackPath;
    }

    /// <summary>Runs one sacctmgr write under the lock: the one way tools and tests write to SLURM.</summary>
    /// <exception cref="BackendException">The lock was not acquired in time; or the runner's own errors.</exception>
    public async Task<CommandResult> RunAsync(ICommandRunner runner, CommandSpec write, CancellationToken cancellationToken)
    {
        using var held = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await held.RunAsync(runner, write, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for the lock, then for a sacctmgr that a dead holder left running; dispose the result to release it.
    /// </summary>
    /// <exception cref="BackendException">Not acquired within <see cref="WaitTimeout"/>, or the file cannot be opened.</exception>
    public async Task<Holder> AcquireAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var queue = InProcess.GetOrAdd(Path, static _ => new SemaphoreSlim(1, 1));
        if (!await queue.WaitAsync(WaitTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw Timeout();
        }

        Holder? holder = null;
        try
        {
            holder = new Holder(await OpenExclusiveAsync(stopwatch, cancellationToken).ConfigureAwait(false), this, queue);
            await WaitForOrphanedWriterAsync(holder, stopwatch, cancellationToken).ConfigureAwait(false);
            return holder;
        }
        catch
        {
            if (holder is null)
            {
                queue.Release();
            }
            else
            {
                holder.Dispose();
            }

            throw;
        }
    }

    private async Task<FileStream> OpenExclusiveAsync(Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var path = Path;
        EnsureDirectory(path);
        var delay = FirstRetry;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (stopwatch.Elapsed < WaitTimeout)
            {
                // Held by another process: wait with a growing pause.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
            }
            catch (IOException)
            {
                throw Timeout();
            }
            catch (UnauthorizedAccessException e)
            {
                throw new BackendException(
                    $"Cannot open the sacctmgr write lock {path}: {e.Message}. Set backend_settings.sacctmgr_lock_file " +
                    $"(or {EnvironmentVariable}) to a file the agent can write.", e);
            }
        }
    }

    /// <summary>
    /// A previous holder that died (SIGKILL, OOM) recorded the sacctmgr it was running; writing before
    /// that process ends would be two writers at once. Waits while it runs, within the remaining wait time.
    /// </summary>
    private async Task WaitForOrphanedWriterAsync(Holder holder, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        if (holder.ReadRecord() is not { } writer || !writer.IsRunning())
        {
            return;
        }

        SlurmLog.WaitingForOrphanedWriter(_logger, writer.Pid, Path);
        var waited = Stopwatch.StartNew();
        while (writer.IsRunning())
        {
            if (stopwatch.Elapsed >= WaitTimeout)
            {
                throw new BackendException(
                    $"sacctmgr (pid {writer.Pid}), started by an earlier holder of the write lock {Path} that has since died, is still " +
                    $"running after {waited.Elapsed.TotalSeconds:0.#} s of waiting. Writing now would run two sacctmgr writers at once, which " +
                    $"corrupts slurmdbd's association tree; wait for it to finish (or end it: kill {writer.Pid}) and retry.");
            }

            await Task.Delay(OrphanPoll, cancellationToken).ConfigureAwait(false);
        }

        SlurmLog.OrphanedWriterEnded(_logger, writer.Pid, Math.Round(waited.Elapsed.TotalSeconds, 1));
    }

    private BackendException Timeout() => new(
        $"Timed out after {WaitTimeout.TotalSeconds:0.#} s waiting for the sacctmgr write lock {Path}: another agent process " +
        "holds it. Check for a hung sacctmgr (ps -ef | grep sacctmgr); the lock is released when its holder exits.");

    private static void EnsureDirectory(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BackendException($"Cannot create the directory of the sacctmgr write lock {path}: {e.Message}", e);
            }
        }
    }

    private static bool DirectoryWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = System.IO.Path.Combine(directory, $".probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
