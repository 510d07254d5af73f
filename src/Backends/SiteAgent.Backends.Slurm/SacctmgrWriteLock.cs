using System.Diagnostics;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Serialises sacctmgr writes across every agent process on the host with an exclusive lock on a file.
/// </summary>
/// <remarks>
/// Why: SLURM 22.05's slurmdbd corrupts its account tree when two clients add accounts at the same
/// time, and then crashes on every association read. One host may run several agents (one per
/// offering, or a polling and an event process), so an in-process lock is not enough.
/// How: .NET opens a file with <see cref="FileShare.None"/> on Linux with <c>flock(LOCK_EX|LOCK_NB)</c>,
/// which other processes (and other descriptors of this one) respect; a failed open is retried until
/// the wait limit. The kernel drops the lock when the holder exits, so a crash leaves no stale lock.
/// Reads never take it. Setting <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> disables it; do not.
/// </remarks>
public sealed class SacctmgrWriteLock
{
    /// <summary>Environment variable naming the lock file (used when <c>sacctmgr_lock_file</c> is not set).</summary>
    public const string EnvironmentVariable = "WALDUR_SITE_AGENT_SACCTMGR_LOCK";

    /// <summary>Lock file used when /run is writable.</summary>
    public const string DefaultPath = "/run/waldur-site-agent/sacctmgr.lock";

    /// <summary>Lock file used when /run is not writable (the agent is not root).</summary>
    public const string FallbackPath = "/var/lib/waldur-site-agent/sacctmgr.lock";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMilliseconds(200);

    // Within one process, waiters queue here instead of spinning on the file.
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    private readonly string? _configuredPath;
    private string? _path;

    /// <summary>Creates the lock; the file is chosen and created on first use.</summary>
    /// <param name="configuredPath">The <c>sacctmgr_lock_file</c> setting, or null for the environment variable, then the defaults.</param>
    /// <param name="waitTimeout">How long a write waits for another holder before failing.</param>
    public SacctmgrWriteLock(string? configuredPath, TimeSpan waitTimeout)
    {
        _configuredPath = configuredPath;
        WaitTimeout = waitTimeout;
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

    /// <summary>Waits for the lock; dispose the result to release it.</summary>
    /// <exception cref="BackendException">Not acquired within <see cref="WaitTimeout"/>, or the file cannot be opened.</exception>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (!await InProcess.WaitAsync(WaitTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw Timeout();
        }

        try
        {
            var path = Path;
            EnsureDirectory(path);
            var delay = FirstRetry;
            while (true)
            {
                try
                {
                    var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    return new Holder(stream);
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
        catch
        {
            InProcess.Release();
            throw;
        }
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

    private sealed class Holder(FileStream stream) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stream.Dispose();
                InProcess.Release();
            }
        }
    }
}
