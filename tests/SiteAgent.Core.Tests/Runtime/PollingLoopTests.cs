using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Core.Runtime;

namespace SiteAgent.Core.Tests.Runtime;

public sealed class PollingLoopTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("polling-").FullName;

    private Heartbeat Heartbeat => new(Path.Combine(_directory, "hb"), TimeProvider.System, NullLogger.Instance);

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Once_RunsOneCycleAndReportsItsOutcome(bool cycleSucceeds, int exitCode)
    {
        var cycles = 0;

        var exit = await PollingLoop.RunAsync(_ => { cycles++; return Task.FromResult(cycleSucceeds); },
            TimeSpan.FromMinutes(5), Heartbeat, once: true, TimeProvider.System, NullLogger.Instance, TestContext.Current.CancellationToken);

        Assert.Equal(exitCode, exit);
        Assert.Equal(1, cycles);
        Assert.True(File.Exists(Path.Combine(_directory, "hb")), "the heartbeat is written before the first cycle");
    }

    [Fact]
    public async Task Daemon_CyclesNeverOverlapAndShutdownExitsZero()
    {
        using var shutdown = new CancellationTokenSource();
        var running = 0;
        var maxRunning = 0;
        var cycles = 0;

        var loop = PollingLoop.RunAsync(async _ =>
        {
            maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            await Task.Delay(20, TestContext.Current.CancellationToken);
            Interlocked.Decrement(ref running);
            return ++cycles < 3 || !shutdown.IsCancellationRequested;
        }, TimeSpan.FromMilliseconds(10), Heartbeat, once: false, TimeProvider.System, NullLogger.Instance, shutdown.Token);
        while (cycles < 3)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await shutdown.CancelAsync();

        Assert.Equal(0, await loop);
        Assert.Equal(1, maxRunning);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
