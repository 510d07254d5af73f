using System.Diagnostics;
using System.Globalization;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>How busy the machine was during one phase of the bench.</summary>
/// <param name="MinLoad">Lowest 1-minute load average seen.</param>
/// <param name="MaxLoad">Highest 1-minute load average seen.</param>
/// <param name="Samples">Samples taken (every half second).</param>
/// <param name="SamplesLockedByOthers">Samples in which a process other than this bench and its agent held the sacctmgr write lock.</param>
internal sealed record LoadWindow(double MinLoad, double MaxLoad, int Samples, int SamplesLockedByOthers)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"load average (1 min) {MinLoad:0.00}–{MaxLoad:0.00}; another process held the sacctmgr write lock in {SamplesLockedByOthers} of {Samples} samples");
}

/// <summary>Samples the load average and the holders of the sacctmgr write lock (/proc/locks) twice a second.</summary>
/// <remarks>
/// The machine is shared: a wall-clock figure means little without the load it was measured under, and
/// other agents or tests that write through sacctmgr make this bench's writes wait for the host-wide lock.
/// </remarks>
internal sealed class LoadSampler : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    private readonly string _lockInode;
    private readonly Timer _timer;
    private readonly List<(double Load, bool LockedByOthers)> _samples = [];

    /// <summary>Starts sampling; <paramref name="lockFile"/> is the write lock's file.</summary>
    public LoadSampler(string lockFile)
    {
        _lockInode = Inode(lockFile);
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, Period);
    }

    /// <summary>The samples since the previous call (or the start), which then start afresh.</summary>
    public LoadWindow TakeWindow()
    {
        Sample();
        lock (_samples)
        {
            var window = new LoadWindow(_samples.Min(s => s.Load), _samples.Max(s => s.Load), _samples.Count, _samples.Count(s => s.LockedByOthers));
            _samples.Clear();
            return window;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        var lockedByOthers = LockedByOthers();
        lock (_samples)
        {
            _samples.Add((load, lockedByOthers));
        }
    }

    // A /proc/locks line: "3: FLOCK  ADVISORY  WRITE 11244 fe:00:926305 0 EOF" (pid, then device:inode).
    private bool LockedByOthers()
    {
        foreach (var line in File.ReadLines("/proc/locks"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 5 && fields[5].EndsWith(":" + _lockInode, StringComparison.Ordinal)
                && int.TryParse(fields[4], CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && ParentOf(pid) != Environment.ProcessId)
            {
                return true;
            }
        }

        return false;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static string Inode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return inode;
    }
}
