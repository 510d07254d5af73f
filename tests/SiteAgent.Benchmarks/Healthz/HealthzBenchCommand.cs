using System.Diagnostics;
using System.Globalization;
using SiteAgent.Testing;

namespace SiteAgent.Benchmarks.Healthz;

/// <summary>
/// The <c>healthz</c> bench command: wall time of one probe as a monitor runs it (a new process each
/// time) against starting <c>/bin/true</c> in the same run, for liveness only and for liveness plus
/// readiness against the emulator. Variants are interleaved so load on the shared machine hits all alike.
/// </summary>
internal static class HealthzBenchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--runs");
        var runs = index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 100;
        var binary = AgentBinary.Path;
        var folder = Directory.CreateTempSubdirectory("healthz-bench-").FullName;
        using var emulator = EmulatorProcess.Start(BenchmarkScenario.Json(), BenchmarkScenario.Token);
        var heartbeat = Path.Combine(folder, "heartbeat");
        var config = Path.Combine(folder, "config.yaml");
        await File.WriteAllTextAsync(config, SlurmAgentConfig.Yaml("Bench", emulator.ApiUrl.ToString(), BenchmarkScenario.Token, Guid.NewGuid(), null, "bench"));
        var variants = new (string Name, string Program, string[] Arguments)[]
        {
            ("/bin/true (baseline)", "/bin/true", []),
            ("healthz --liveness-only", binary, ["healthz", "--liveness-only", "--heartbeat-file", heartbeat]),
            ("healthz (liveness + readiness)", binary, ["healthz", "--heartbeat-file", heartbeat, "-c", config]),
        };
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            await File.WriteAllTextAsync(heartbeat, "0");
            foreach (var variant in run % 2 == 0 ? variants : variants.Reverse())
            {
                var watch = Stopwatch.StartNew();
                using var process = Process.Start(new ProcessStartInfo(variant.Program, variant.Arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                watch.Stop();
                if (process.ExitCode != 0)
                {
                    Console.Error.WriteLine($"{variant.Name} exited {process.ExitCode}: {await output}{await error}");
                    return 1;
                }

                times[variant.Name].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var baseline = Median(times[variants[0].Name]);
        Console.WriteLine($"healthz probe, {runs} runs per variant, new process each run, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"Variant",-32} {"median ms",10} {"p95 ms",8} {"ratio",7}");
        foreach (var (name, _, _) in variants)
        {
            var median = Median(times[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-32} {median,10:0.00} {Percentile(times[name], 0.95),8:0.00} {median / baseline,7:0.0}"));
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * sorted.Count))];
    }
}
