using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Tests.Runtime;

/// <summary>The sd_notify sender against a real AF_UNIX datagram socket, as systemd listens on one.</summary>
public sealed class SystemdNotifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ready_PathOrAbstractSocket_SystemdReceivesTheDatagram(bool abstractName)
    {
        var name = abstractName ? "@waldur-notify-test-" + Guid.NewGuid().ToString("N") : Path.Combine(_directory, "notify");
        using var systemd = Listen(name);
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", name)), Environment.ProcessId, NullLogger.Instance);

        Assert.NotNull(notifier);
        notifier.Ready();
        notifier.Watchdog();

        Assert.Equal("READY=1", Receive(systemd));
        Assert.Equal(0, systemd.Available);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/path")]
    [InlineData("@")]
    public void FromEnvironment_NoUsableSocket_NoNotifier(string? socket)
    {
        Assert.Null(SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", socket)), Environment.ProcessId, NullLogger.Instance));
    }

    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("30000000", "self", 30.0)]
    [InlineData("30000000", "1", null)]
    [InlineData("0", null, null)]
    [InlineData("-5", null, null)]
    [InlineData("soon", null, null)]
    [InlineData(null, null, null)]
    public void FromEnvironment_WatchdogUsecAndPid_WatchdogOnlyForThisProcess(string? usec, string? pid, double? seconds)
    {
        var ownPid = Environment.ProcessId == 1 ? 2 : Environment.ProcessId;
        using var notifier = SystemdNotifier.FromEnvironment(
            Env(("NOTIFY_SOCKET", Path.Combine(_directory, "none")), ("WATCHDOG_USEC", usec), ("WATCHDOG_PID", pid == "self" ? ownPid.ToString() : pid)),
            ownPid, NullLogger.Instance);

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), notifier!.WatchdogInterval);
    }

    [Fact]
    public void Send_NobodyListening_IgnoredAndTheAgentGoesOn()
    {
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", Path.Combine(_directory, "gone"))), Environment.ProcessId, NullLogger.Instance);

        notifier!.Ready();
        notifier.Stopping();
    }

    [Fact]
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
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var whileRunning = ReceiveAll(systemd);
        await shutdown.CancelAsync();
        Assert.Equal(0, await loop);
        var afterShutdown = ReceiveAll(systemd);

        Assert.True(readyBeforeFirstCycle, "READY=1 arrives when the first cycle starts");
        Assert.Equal(1, cycles);
        // A 40 ms watchdog makes the tick 20 ms: several WATCHDOG=1 in 200 ms although the period is an hour.
        Assert.True(whileRunning.Count(m => m == "WATCHDOG=1") >= 3, string.Join(", ", whileRunning));
        Assert.DoesNotContain("READY=1", whileRunning);
        Assert.Contains("STOPPING=1", afterShutdown);
    }

    [Fact]
    public async Task PollingLoop_WithoutWatchdog_OnlyReadyAndStopping()
    {
        var name = Path.Combine(_directory, "notify");
        using var systemd = Listen(name);
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", name)), Environment.ProcessId, NullLogger.Instance);
        using var shutdown = new CancellationTokenSource();
        var heartbeat = new Heartbeat(Path.Combine(_directory, "hb"), TimeProvider.System, NullLogger.Instance);

        var loop = PollingLoop.RunAsync(_ => Task.FromResult(true), TimeSpan.FromMilliseconds(5), heartbeat, once: false,
            TimeProvider.System, NullLogger.Instance, shutdown.Token, notifier);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        await shutdown.CancelAsync();
        await loop;

        Assert.Equal(["READY=1", "STOPPING=1"], ReceiveAll(systemd));
    }

    [Theory]
    [InlineData(300, null, 60)]
    [InlineData(20, null, 20)]
    [InlineData(300, 600, 60)]
    [InlineData(300, 90, 45)]
    [InlineData(20, 30, 15)]
    public void TickFor_PeriodAndWatchdog_ShortestOfReferenceTickPeriodAndHalfTheWatchdog(int periodSeconds, int? watchdogSeconds, int tickSeconds)
    {
        var tick = PollingLoop.TickFor(TimeSpan.FromSeconds(periodSeconds), watchdogSeconds is null ? null : TimeSpan.FromSeconds(watchdogSeconds.Value));

        Assert.Equal(TimeSpan.FromSeconds(tickSeconds), tick);
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
