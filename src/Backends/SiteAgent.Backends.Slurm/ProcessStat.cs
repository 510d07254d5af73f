using System.Globalization;

namespace SiteAgent.Backends.Slurm;

/// <summary>What <c>/proc/&lt;pid&gt;/stat</c> says about a process: its command name, state and start time.</summary>
/// <param name="Command">The command name (at most 15 characters; the base name of the executed file).</param>
/// <param name="State">One letter: R running, S sleeping, D disk wait, Z zombie, X dead, T stopped, …</param>
/// <param name="StartTicks">Start time in clock ticks after boot: with the pid, it names one process of a boot.</param>
public sealed record ProcessStat(string Command, char State, ulong StartTicks)
{
    /// <summary>False for a zombie or a dead process: it has finished whatever it was doing.</summary>
    public bool IsAlive => State is not ('Z' or 'X' or 'x');

    /// <summary>The process's stat, or null when there is no such process (or no readable procfs).</summary>
    public static ProcessStat? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Parses one stat line; the command name may hold spaces and parentheses, so it ends at the last <c>)</c>.</summary>
    /// <exception cref="FormatException">Not a stat line.</exception>
    public static ProcessStat Parse(string line)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        var close = line.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            throw new FormatException($"Not a /proc/<pid>/stat line: '{line}'");
        }

        // After the name: field 3 (state) is the first, field 22 (starttime) the twentieth.
        var rest = line[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 20 || rest[0].Length != 1
            || !ulong.TryParse(rest[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            throw new FormatException($"Not a /proc/<pid>/stat line: '{line}'");
        }

        return new ProcessStat(line[(open + 1)..close], rest[0][0], start);
    }
}
