using Microsoft.Extensions.Logging;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Commands;

/// <summary>
/// A heartbeat for a one-shot command that runs a mode's processors: a private file removed at the end,
/// so that the command never refreshes the liveness file of the daemons.
/// </summary>
public sealed class OneShotHeartbeat : IDisposable
{
    private OneShotHeartbeat(Heartbeat heartbeat) => Heartbeat = heartbeat;

    /// <summary>The heartbeat to hand to the processors.</summary>
    public Heartbeat Heartbeat { get; }

    /// <summary>Creates one in the temp directory.</summary>
    public static OneShotHeartbeat Create(AgentRuntime runtime) =>
        new(new Heartbeat(Path.Combine(Path.GetTempPath(), $"waldur-site-agent-oneshot-{Environment.ProcessId}"), runtime.Time,
            runtime.Loggers.CreateLogger("SiteAgent.Heartbeat")));

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(Heartbeat.Path);
        }
        catch (IOException)
        {
        }
    }
}
