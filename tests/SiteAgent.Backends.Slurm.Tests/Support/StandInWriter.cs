using System.Diagnostics;

namespace SiteAgent.Backends.Slurm.Tests.Support;

/// <summary>
/// A real process whose command name is <c>sacctmgr</c> (/bin/sleep started through a link of that
/// name), standing in for a sacctmgr that a killed lock holder left running: the lock tells processes
/// apart by pid, start time and command name only.
/// </summary>
internal sealed class StandInWriter : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private StandInWriter(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>A link named sacctmgr to /bin/sleep in <paramref name="directory"/>.</summary>
    public static string Link(string directory)
    {
        var link = Path.Combine(directory, "sacctmgr");
        if (!File.Exists(link))
        {
            File.CreateSymbolicLink(link, "/bin/sleep");
        }

        return link;
    }

    /// <summary>Starts one that runs for <paramref name="seconds"/>.</summary>
    public static StandInWriter Start(string directory, double seconds) =>
        new(Process.Start(Link(directory), seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The record a holder would have written for it.</summary>
    public SacctmgrWriterRecord Record() => SacctmgrWriterRecord.Capture(Pid) ?? throw new InvalidOperationException("the stand-in writer already exited");

    public bool HasExited => _disposed || _process.HasExited;

    /// <summary>Ends it (if still running); safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
