using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Slurm;
using SiteAgent.Benchmarks.Orders;
using SiteAgent.Testing;

namespace SiteAgent.Benchmarks.Report;

/// <summary>
/// The <c>report-sacct</c> bench command: what one sacct per billing period for all the offering's
/// accounts saves over one sacct per account (the reference's pattern), on the real SLURM cluster of
/// tests/infra/slurm, through the agent's own <see cref="SlurmClient"/> and process runner. Reads only.
/// </summary>
internal static class SacctBatchingCommand
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--accounts");
        var count = index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 50;
        var cluster = await BenchCluster.FindAsync(CancellationToken.None);
        var client = new SlurmClient(new SlurmClientSettings("/usr/bin", cluster.Name, TimeSpan.FromMinutes(2), "UTC"), new ProcessCommandRunner(), null, NullLogger.Instance);
        var accounts = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"bs_alloc_{i:D4}")).ToArray();
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var end = start.AddMonths(1).AddSeconds(-1);
        var keys = new HashSet<string> { "cpu", "mem" };
        var batched = new List<double>();
        var single = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            // Alternate the order so that a burst of load on the shared machine does not always hit the same side.
            foreach (var batch in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var watch = Stopwatch.StartNew();
                if (batch)
                {
                    await client.GetUsageAsync(accounts, start, end, keys, null, CancellationToken.None);
                    batched.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    foreach (var account in accounts)
                    {
                        await client.GetUsageAsync([account], start, end, keys, null, CancellationToken.None);
                    }

                    single.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var one = Median(batched);
        var many = Median(single);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"sacct usage of one billing month for {count} accounts, cluster {cluster.Name}, median of {Rounds} rounds:");
        text.AppendLine();
        text.AppendLine("| Pattern | sacct calls | Wall (ms) | Ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| one call for all accounts (the agent) | 1 | {one:F0} | 1.00 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| one call per account (the reference) | {count} | {many:F0} | {many / one:F1} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Saved per billing period: {many - one:F0} ms ({(many - one) / count:F0} ms per account).");
        Console.WriteLine(text);
        var path = RepositoryPaths.Combine("artifacts", "bench", "report-sacct.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text.ToString());
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
