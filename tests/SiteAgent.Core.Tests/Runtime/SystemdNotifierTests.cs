using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Tests.Runtime;

/// <summary>The sd_notify sender against a real AF_UNIX datagram socket, as systemd listens on one.</summary>
public sealed class SystemdNotifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-").FullName;

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Ready_PathOrAbstractSocket_SystemdReceivesTheDatagram(bool abstractName)
    {
        var name = abstractName ? "@waldur-notify-test-" + Guid.NewGuid().ToString("N") : Path.Combine(_directory, "notify");
        using var systemd = Listen(name);
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", name)), Environment.ProcessId, NullLogger.Instance);

        await Assert.That(notifier).IsNotNull();
        notifier!.Ready();
        notifier.Watchdog();

        await Assert.That(Receive(systemd)).IsEqualTo("READY=1");
        await Assert.That(systemd.Available).IsEqualTo(0);
    }

    [Test]
    [Arguments(null)]
    [Arguments("")]
    [Arguments("relative/path")]
    [Arguments("@")]
    public async Task FromEnvironment_NoUsableSocket_NoNotifier(string? socket)
    {
        await Assert.That(SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", socket)), Environment.ProcessId, NullLogger.Instance)).IsNull();
    }

    [Test]
    [Arguments("30000000", null, 30.0)]
    [Arguments("30000000", "self", 30.0)]
    [Arguments("30000000", "1", null)]
    [Arguments("0", null, null)]
    [Arguments("-5", null, null)]
    [Arguments("soon", null, null)]
    [Arguments(null, null, null)]
    public async Task FromEnvironment_WatchdogUsecAndPid_WatchdogOnlyForThisProcess(string? usec, string? pid, double? seconds)
    {
        var ownPid = Environment.ProcessId == 1 ? 2 : Environment.ProcessId;
        using var notifier = SystemdNotifier.FromEnvironment(
            Env(("NOTIFY_SOCKET", Path.Combine(_directory, "none")), ("WATCHDOG_USEC", usec), ("WATCHDOG_PID", pid == "self" ? ownPid.ToString() : pid)),
            ownPid, NullLogger.Instance);

        await Assert.That(notifier!.WatchdogInterval).IsEqualTo(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value));
    }

    [Test]
    public async Task Send_NobodyListening_IgnoredAndTheAgentGoesOn()
    {
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", Path.Combine(_directory, "gone"))), Environment.ProcessId, NullLogger.Instance);

        await Assert.That(notifier).IsNotNull();
        notifier!.Ready();
        notifier.Stopping();
    }

    [Test]
    public async Task PollingLoop_UnderSystemdWithWatchdog_ReadyAtFirstCycleWatchdogAtTicksStoppingOnShutdown()
    {
        var name = Path.Combine(_directory, "notify");
        using var systemd = Listen(name);
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", name), ("WATCHDOG_USEC", "40000")), Environment.ProcessId, NullLogger.Instance);
        using var shutdown = new CancellationTokenSource();
        var heartbeat = new Heartbeat(Path.Combine(_directory, "hb"), TimeProvider.System, NullLogger.Instance);
        var cycles = 0;
        var readyBeforeFirstCycle = false;

        var loop = PollingLoop.RunAsync(_ =>
        {
            if (cycles++ == 0)
            {
                readyBeforeFirstCycle = ReceiveAll(systemd).Contains("READY=1");
            }

            return Task.FromResult(true);
        }, TimeSpan.FromHours(1), heartbeat, once: false, TimeProvider.System, NullLogger.Instance, shutdown.Token, notifier);
        await Task.Delay(200, TestContext.Current!.Execution.CancellationToken);
        var whileRunning = ReceiveAll(systemd);
        await shutdown.CancelAsync();
        await Assert.That(await loop).IsEqualTo(0);
        var afterShutdown = ReceiveAll(systemd);

        await Assert.That(readyBeforeFirstCycle).IsTrue().Because("READY=1 arrives when the first cycle starts");
        await Assert.That(cycles).IsEqualTo(1);
        // A 40 ms watchdog makes the tick 20 ms: several WATCHDOG=1 in 200 ms although the period is an hour.
        await Assert.That(whileRunning.Count(m => m == "WATCHDOG=1") >= 3).IsTrue().Because(string.Join(", ", whileRunning));
        await Assert.That(whileRunning).DoesNotContain("READY=1");
        await Assert.That(afterShutdown).Contains("STOPPING=1");
    }

    [Test]
    public async Task PollingLoop_WithoutWatchdog_OnlyReadyAndStopping()
    {
        var name = Path.Combine(_directory, "notify");
        using var systemd = Listen(name);
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", name)), Environment.ProcessId, NullLogger.Instance);
        using var shutdown = new CancellationTokenSource();
        var heartbeat = new Heartbeat(Path.Combine(_directory, "hb"), TimeProvider.System, NullLogger.Instance);

        var loop = PollingLoop.RunAsync(_ => Task.FromResult(true), TimeSpan.FromMilliseconds(5), heartbeat, once: false,
            TimeProvider.System, NullLogger.Instance, shutdown.Token, notifier);
        await Task.Delay(100, TestContext.Current!.Execution.CancellationToken);
        await shutdown.CancelAsync();
        await loop;

        await Assert.That(ReceiveAll(systemd)).IsEquivalentTo(["READY=1", "STOPPING=1"], CollectionOrdering.Matching);
    }

    [Test]
    [Arguments(300, null, 60)]
    [Arguments(20, null, 20)]
    [Arguments(300, 600, 60)]
    [Arguments(300, 90, 45)]
    [Arguments(20, 30, 15)]
    public async Task TickFor_PeriodAndWatchdog_ShortestOfReferenceTickPeriodAndHalfTheWatchdog(int periodSeconds, int? watchdogSeconds, int tickSeconds)
    {
        var tick = PollingLoop.TickFor(TimeSpan.FromSeconds(periodSeconds), watchdogSeconds is null ? null : TimeSpan.FromSeconds(watchdogSeconds.Value));

        await Assert.That(tick).IsEqualTo(TimeSpan.FromSeconds(tickSeconds));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Func<string, string?> Env(params (string Name, string? Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static Socket Listen(string name)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(name[0] == '@' ? "\0" + name[1..] : name));
        socket.ReceiveTimeout = 5000;
        return socket;
    }

    private static string Receive(Socket socket)
    {
        var buffer = new byte[4096];
        var length = socket.Receive(buffer);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    private static List<string> ReceiveAll(Socket socket)
    {
        var messages = new List<string>();
        while (socket.Available > 0)
        {
            messages.Add(Receive(socket));
        }

        return messages;
    }
}
