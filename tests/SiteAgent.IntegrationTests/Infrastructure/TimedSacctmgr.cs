using System.Globalization;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>One sacctmgr command as the wrapper saw it: its pid, and start and end in nanoseconds since the epoch.</summary>
internal sealed record TimedCommand(int Pid, long Start, long? End, string Arguments)
{
    public override string ToString() => $"pid {Pid} [{Start}, {End?.ToString(CultureInfo.InvariantCulture) ?? "running"}] {Arguments}";
}

/// <summary>
/// A bin directory for <c>slurm_bin_path</c> whose sacctmgr logs every command's start and end with its
/// pid (writes and reads in two logs) around the real /usr/bin/sacctmgr; a write first pauses, which
/// widens its window (longer for the first write). sacct, scancel and sinfo are the real ones. The
/// wrapper is a bash script named sacctmgr, so the agent's child (and its command name) is the wrapper,
/// which lives exactly as long as the command.
/// </summary>
internal sealed class TimedSacctmgr
{
    private TimedSacctmgr(string directory)
    {
        BinPath = directory;
        LogPath = Path.Combine(directory, "writes.log");
        ReadLogPath = Path.Combine(directory, "reads.log");
    }

    /// <summary>The directory to configure as <c>slurm_bin_path</c>.</summary>
    public string BinPath { get; }

    private string LogPath { get; }

    private string ReadLogPath { get; }

    /// <summary>Creates the bin directory.</summary>
    /// <param name="parent">Where to put it.</param>
    /// <param name="firstPause">The pause of the first write (the one a test kills its agent in): long enough for a second agent to reach the lock.</param>
    /// <param name="pause">The pause of every later write.</param>
    public static TimedSacctmgr Create(string parent, TimeSpan firstPause, TimeSpan pause)
    {
        var timed = new TimedSacctmgr(Path.Combine(parent, "timed-slurm-bin"));
        Directory.CreateDirectory(timed.BinPath);
        var script = Path.Combine(timed.BinPath, "sacctmgr");
        File.WriteAllText(script, $$"""
            #!/bin/bash
            # Test wrapper: logs each sacctmgr command's start and end (pid, ns since the epoch) around the real one.
            case " $* " in
              *" add "* | *" create "* | *" modify "* | *" update "* | *" remove "* | *" delete "*) ;;
              *)
                printf 'start %s %s %s\n' "$$" "$(date +%s%N)" "$*" >>'{{timed.ReadLogPath}}'
                /usr/bin/sacctmgr "$@"
                status=$?
                printf 'end %s %s\n' "$$" "$(date +%s%N)" >>'{{timed.ReadLogPath}}'
                exit $status
                ;;
            esac
            pause={{Seconds(pause)}}
            [[ -s '{{timed.LogPath}}' ]] || pause={{Seconds(firstPause)}}
            printf 'start %s %s %s\n' "$$" "$(date +%s%N)" "$*" >>'{{timed.LogPath}}'
            sleep "$pause"
            /usr/bin/sacctmgr "$@"
            status=$?
            printf 'end %s %s\n' "$$" "$(date +%s%N)" >>'{{timed.LogPath}}'
            exit $status

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var program in new[] { "sacct", "scancel", "sinfo" })
        {
            File.CreateSymbolicLink(Path.Combine(timed.BinPath, program), "/usr/bin/" + program);
        }

        return timed;
    }

    private static string Seconds(TimeSpan pause) => pause.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Now, on the wrapper's clock (ns since the epoch).</summary>
    public static long Now() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>Every write logged so far, in start order.</summary>
    public IReadOnlyList<TimedCommand> Writes() => Read(LogPath);

    /// <summary>Every read (any other sacctmgr command) logged so far, in start order.</summary>
    public IReadOnlyList<TimedCommand> Reads() => Read(ReadLogPath);

    private static List<TimedCommand> Read(string log)
    {
        if (!File.Exists(log))
        {
            return [];
        }

        var writes = new List<TimedCommand>();
        foreach (var line in File.ReadAllLines(log))
        {
            var fields = line.Split(' ', 4);
            var pid = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var time = long.Parse(fields[2], CultureInfo.InvariantCulture);
            if (fields[0] == "start")
            {
                writes.Add(new TimedCommand(pid, time, null, fields.Length > 3 ? fields[3] : string.Empty));
            }
            else
            {
                var index = writes.FindLastIndex(w => w.Pid == pid && w.End is null);
                writes[index] = writes[index] with { End = time };
            }
        }

        return writes.OrderBy(w => w.Start).ToList();
    }
}
