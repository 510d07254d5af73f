using SiteAgent.Waldur.Emulator;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>
/// The <c>orders</c> bench command (issue 4): N Create orders processed by the Native AOT agent against
/// the Waldur emulator and the real SLURM cluster, the time inside its commands subtracted from the
/// total, and the same commands replayed directly as the baseline "sacctmgr alone".
/// </summary>
/// <remarks>
/// To read a result: 1. total / sacctmgr alone near 1 means the run is bound by sacctmgr;
/// 2. the agent's own share per order is the issue's 5 ms goal; 3. the load lines say how much a shared
/// machine disturbed both runs (they run one after the other, so a burst hits only one of them).
/// </remarks>
internal static class OrderBenchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = OrderBenchOptions.Parse(args, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };

        var cluster = await BenchCluster.FindAsync(interrupt.Token);
        var scenario = new OrderBenchScenario(options.Count, cluster.Name);
        var work = Directory.CreateTempSubdirectory("orders-bench-").FullName;
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Token = null }, interrupt.Token);
        emulator.Seed(scenario.Yaml(), yaml: true);
        var configPath = Path.Combine(work, "agent.yaml");
        await File.WriteAllTextAsync(configPath, scenario.AgentConfig(emulator.ApiUrl), interrupt.Token);
        using var load = new LoadSampler(cluster.WriteLock.Path);
        try
        {
            Console.WriteLine($"Agent: {options.Count} Create orders, accounts {scenario.AgentPrefix}*, {options.Binary}");
            var agent = await AgentRun.RunAsync(options.Binary, configPath, work, TimeSpan.FromMinutes(10) + (options.Count * TimeSpan.FromSeconds(10)), interrupt.Token);
            var agentLoad = load.TakeWindow();
            var states = emulator.Read(state => state.Orders
                .Where(order => order.Offering.Uuid == scenario.OfferingUuid.ToString("N"))
                .GroupBy(order => order.State)
                .ToDictionary(group => group.Key, group => group.Count()));
            var api = emulator.Requests.Where(request => request.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
            var waldur = new WaldurServerTime(api.Count, api.Sum(request => request.Handling.TotalMilliseconds));

            Console.WriteLine($"Replay: {agent.Log.Commands.Count} commands, accounts {scenario.ReplayPrefix}*");
            var replay = await SacctmgrReplay.RunAsync(agent.Log.Commands, scenario.AgentPrefix, scenario.ReplayPrefix, cluster.WriteLock, interrupt.Token);
            var report = new OrderBenchReport(options, cluster.Name, agent, replay, states, waldur, agentLoad, load.TakeWindow());

            var markdown = report.Markdown();
            Console.WriteLine();
            Console.WriteLine(markdown);
            Directory.CreateDirectory(Path.GetDirectoryName(options.MarkdownPath)!);
            await File.WriteAllTextAsync(options.MarkdownPath, markdown, CancellationToken.None);
            var logPath = Path.ChangeExtension(options.MarkdownPath, ".agent-log.jsonl");
            await File.WriteAllLinesAsync(logPath, agent.Lines, CancellationToken.None);
            Console.WriteLine($"Written to {options.MarkdownPath}; the agent's log to {logPath}");
            foreach (var problem in agent.Log.Problems.Take(5))
            {
                await Console.Error.WriteLineAsync("agent: " + problem);
            }

            return report.AllDone && agent.ExitCode == 0 && replay.ExitCodeMismatches == 0 ? 0 : 1;
        }
        finally
        {
            // Never cancelled: an interrupted run must still leave the cluster as it found it.
            Console.WriteLine("Removing the accounts of both runs");
            var left = await cluster.RemoveAccountsAsync([scenario.AgentPrefix, scenario.ReplayPrefix], CancellationToken.None);
            if (left.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Still present, remove by hand (sacctmgr -i remove account where name=…): {string.Join(", ", left)}");
            }

            Directory.Delete(work, recursive: true);
        }
    }
}
