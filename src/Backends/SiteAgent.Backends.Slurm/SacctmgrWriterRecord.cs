using System.Globalization;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// The sacctmgr a holder of the write lock is running, as written into the lock file while it runs:
/// <c>pid=4242 start=123456 boot=&lt;boot id&gt; comm=sacctmgr</c>.
/// </summary>
/// <remarks>
/// A holder killed with SIGKILL loses the lock at once, but its sacctmgr child keeps writing. The next
/// holder reads this record and waits while that very process still runs. The start time (clock ticks
/// after boot, field 22 of <c>/proc/&lt;pid&gt;/stat</c>) and the boot id tell a reused pid from the
/// recorded process; the command name must still be <c>sacctmgr</c>. Shell scripts that write to
/// SLURM keep the same record (tests/infra/slurm/sacctmgr-write.sh).
/// </remarks>
/// <param name="Pid">The process id.</param>
/// <param name="StartTicks">When it started, in clock ticks after boot.</param>
/// <param name="BootId">The kernel's boot id when it was recorded.</param>
public sealed record SacctmgrWriterRecord(int Pid, ulong StartTicks, string BootId)
{
    /// <summary>The command name a recorded writer must have.</summary>
    public const string CommandName = "sacctmgr";

    private const string BootIdPath = "/proc/sys/kernel/random/boot_id";

    /// <summary>The line written into the lock file.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"pid={Pid} start={StartTicks} boot={BootId} comm={CommandName}\n");

    /// <summary>Reads a lock file's content: null when it holds no record (empty, or only white space).</summary>
    /// <exception cref="FormatException">Text that is not a record; the message quotes it.</exception>
    public static SacctmgrWriterRecord? Parse(string text)
    {
        var line = text.Trim();
        if (line.Length == 0)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(token[..equals], token[(equals + 1)..]))
            {
                throw Malformed(line);
            }
        }

        return fields.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var pidValue) && pidValue > 0
            && fields.TryGetValue("start", out var start) && ulong.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var startValue)
            && fields.TryGetValue("boot", out var boot) && boot.Length > 0
            ? new SacctmgrWriterRecord(pidValue, startValue, boot)
            : throw Malformed(line);
    }

    /// <summary>The record of a running process, or null when it has already exited (nothing left to wait for).</summary>
    public static SacctmgrWriterRecord? Capture(int pid) =>
        ProcessStat.Read(pid) is { } stat && stat.IsAlive ? new SacctmgrWriterRecord(pid, stat.StartTicks, CurrentBootId()) : null;

    /// <summary>True while the recorded process still runs: same boot, same start time, still a sacctmgr, not a zombie.</summary>
    public bool IsRunning() =>
        BootId == CurrentBootId()
        && ProcessStat.Read(Pid) is { } stat
        && stat.IsAlive
        && stat.StartTicks == StartTicks
        && stat.Command == CommandName;

    private static string CurrentBootId()
    {
        try
        {
            return File.ReadAllText(BootIdPath).Trim();
        }
        catch (IOException)
        {
            // Without procfs's boot id the start time alone tells processes apart within one boot.
            return "unknown";
        }
    }

    private static FormatException Malformed(string line) =>
        new($"'{(line.Length > 200 ? line[..200] + "…" : line)}' is not a sacctmgr writer record (pid=<n> start=<ticks> boot=<id>)");
}
