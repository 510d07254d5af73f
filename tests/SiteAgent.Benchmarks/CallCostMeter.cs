using System.Collections.Concurrent;
using System.Diagnostics;

namespace SiteAgent.Benchmarks;

/// <summary>What one call costs this process: managed bytes allocated and CPU time, on all its threads.</summary>
/// <param name="Bytes">Bytes allocated per call (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise).</param>
/// <param name="CpuMicroseconds">Process CPU time per call, user and kernel.</param>
internal sealed record CallCost(double Bytes, double CpuMicroseconds);

/// <summary>Measures <see cref="CallCost"/> over sequential calls, process-wide, so I/O-completion threads count too.</summary>
/// <remarks>
/// BenchmarkDotNet's MemoryDiagnoser in an in-process run counts the benchmark thread only, which
/// misses everything after the first <c>await</c> of a socket call (it reported 0 B for a raw GET).
/// Process CPU time is the overhead figure that survives a busy machine: wall-clock percentiles
/// also measure how long the scheduler kept each thread hop waiting. The emulator runs as its own
/// process, so this one holds only the client or the baseline.
/// </remarks>
internal static class CallCostMeter
{
    private const int Warmup = 200;
    private const int MinCalls = 300;
    private static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<string, CallCost> Costs = new();

    public static bool HasResults => !Costs.IsEmpty;

    public static CallCost? Get(string method) => Costs.TryGetValue(method, out var cost) ? cost : null;

    /// <summary>Warms every call up, lets tiered compilation settle, then measures each in turn.</summary>
    /// <remarks>
    /// Background re-JIT (tier 0 to tier 1 after ~30 calls and a 100 ms quiet period) costs CPU in
    /// this process; measured right after its own warm-up, a call would be charged for it.
    /// </remarks>
    public static void MeasureAll(params (string Method, Func<Task> Call)[] calls)
    {
        for (var round = 0; round < Warmup; round++)
        {
            foreach (var (_, call) in calls)
            {
                call().GetAwaiter().GetResult();
            }
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
        foreach (var (method, call) in calls)
        {
            Costs[method] = Measure(call);
        }
    }

    private static CallCost Measure(Func<Task> call)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Thread.Sleep(100);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var calls = 0;
        while (calls < MinCalls || clock.Elapsed < MinDuration)
        {
            call().GetAwaiter().GetResult();
            calls++;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        return new CallCost(allocated / (double)calls, (process.TotalProcessorTime - cpu).TotalMicroseconds / calls);
    }
}
