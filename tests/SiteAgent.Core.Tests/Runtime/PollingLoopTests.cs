using System.IO;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Tests.Runtime;

public sealed class PollingLoopTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("polling-").FullName;

    private Heartbeat Heartbeat => new(Path.Combine(_directory, "hb"), TimeProvider.System, NullLogger.Instance);

    [Test]
    [Arguments(true, 0)]
    [Arguments(false, 1)]
    public async Task Once_RunsOneCycleAndReportsItsOutcome(bool cycleSucceeds, int exitCode)
    {
        var cycles = 0;

        var exit = await PollingLoop.RunAsync(_ => { cycles++; return Task.FromResult(cycleSucceeds); },
            TimeSpan.FromMinutes(5), Heartbeat, once: true, TimeProvider.System, NullLogger.Instance, TestContext.Current!.Execution.CancellationToken);

        await Assert.That(exit).IsEqualTo(exitCode);
        await Assert.That(cycles).IsEqualTo(1);
        await Assert.That(File.Exists(Path.Combine(_directory, "hb"))).IsTrue().Because("the heartbeat is written before the first cycle");
    }

    [Test]
    public async Task Daemon_CyclesNeverOverlapAndShutdownExitsZero()
    {
        using var shutdown = new CancellationTokenSource();
        var running = 0;
        var maxRunning = 0;
        var cycles = 0;

        var loop = PollingLoop.RunAsync(async _ =>
        {
            maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            await Task.Delay(20, TestContext.Current!.Execution.CancellationToken);
            Interlocked.Decrement(ref running);
            return ++cycles < 3 || !shutdown.IsCancellationRequested;
        }, TimeSpan.FromMilliseconds(10), Heartbeat, once: false, TimeProvider.System, NullLogger.Instance, shutdown.Token);
        while (cycles < 3)
        {
            await Task.Delay(10, TestContext.Current!.Execution.CancellationToken);
        }

        await shutdown.CancelAsync();

        await Assert.That(await loop).IsEqualTo(0);
        await Assert.That(maxRunning).IsEqualTo(1);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
