using System.Diagnostics;
using System.Globalization;
using SiteAgent.Benchmarks.Orders;
using SiteAgent.Stomp;
using SiteAgent.Testing;
using SiteAgent.Waldur.Emulator;
using SiteAgent.Waldur.Emulator.Broker;

namespace SiteAgent.Benchmarks.Events;

/// <summary>
/// The <c>events</c> bench command: event-to-action latency of the AOT agent in event_process (from
/// the publish call to the start of the first sacctmgr it runs for the event), against a bare STOMP
/// subscriber receiving the same messages through the same broker in the same run; and the agent's
/// idle resident memory with three offerings connected, against the same offerings under
/// order_process polling.
/// </summary>
/// <remarks>
/// Events are <c>user_role</c> project re-syncs, sent one at a time (the next only after the agent has
/// finished the previous one), so the latency holds no queueing. The first sacctmgr of such an event is
/// the association read, so nothing is written to the cluster. The sacctmgr start time is taken by a
/// bash wrapper reading <c>$EPOCHREALTIME</c> before it execs sacctmgr, so bash's start-up (about 1 ms)
/// counts as agent time.
/// </remarks>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class EventBenchCommand
{
    public const string Usage = "usage: events [--count N (default 500)] [--binary PATH (default $WALDUR_SITE_AGENT_BIN or artifacts/aot/waldur-site-agent)]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var count = 500;
        var binary = Environment.GetEnvironmentVariable("WALDUR_SITE_AGENT_BIN") is { Length: > 0 } bin ? bin : Path.GetFullPath("artifacts/aot/waldur-site-agent");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out count) && count > 0: i++; break;
                case "--binary" when i + 1 < args.Count: binary = Path.GetFullPath(args[++i]); break;
                default: await Console.Error.WriteLineAsync(Usage); return 2;
            }
        }

        if (!OperatingSystem.IsLinux())
        {
            await Console.Error.WriteLineAsync("the events bench needs Linux (SLURM, /proc)");
            return 2;
        }

        var cluster = await BenchCluster.FindAsync(CancellationToken.None);
        var broker = new EmulatorBrokerOptions(new Uri(Env("RABBITMQ_TEST_MANAGEMENT_URL", "http://127.0.0.1:15672/")),
            Env("RABBITMQ_TEST_ADMIN_USER", "waldur-test-admin"), Env("RABBITMQ_TEST_ADMIN_PASSWORD", "waldur-test-admin"));
        var webStomp = new Uri(Env("RABBITMQ_TEST_WEB_STOMP_URL", "ws://127.0.0.1:15674/ws"));
        using var management = new RabbitMqManagement(broker);
        if (!await management.IsAvailableAsync())
        {
            await Console.Error.WriteLineAsync($"RabbitMQ's management API at {broker.ManagementUrl} does not answer; run tests/infra/rabbitmq/up.sh");
            return 2;
        }

        var scenario = new EventBenchScenario(cluster.Name);
        var work = Directory.CreateTempSubdirectory("events-bench-").FullName;
        try
        {
            await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Token = null, Broker = broker });
            emulator.Seed(scenario.Yaml(), yaml: true);
            var starts = Path.Combine(work, "sacctmgr-starts.log");
            var slurmBin = WriteTimingWrapper(work, starts);
            var configPath = Path.Combine(work, "agent.yaml");

            // Baseline for memory: the same three offerings under polling, idle between cycles.
            await File.WriteAllTextAsync(configPath, scenario.AgentConfig(emulator.ApiUrl, webStomp, stomp: false, slurmBin));
            var pollingRss = await IdleRssAsync(binary, configPath, work, "order_process", "Order cycle finished");

            await File.WriteAllTextAsync(configPath, scenario.AgentConfig(emulator.ApiUrl, webStomp, stomp: true, slurmBin));
            using var agent = StartAgent(binary, configPath, work, "event_process");
            await WaitForLogAsync(agent, "Event processing started", TimeSpan.FromMinutes(3));
            await Task.Delay(TimeSpan.FromSeconds(10));
            var eventRss = RssKb(agent.Id);
            var eventOpenSsl = MappedOpenSsl(agent.Id);
            var connections = emulator.Read(s => s.EventQueues.Count);

            var (vhost, queue) = emulator.Read(s => s.EventQueues
                .Where(q => q.ObjectType == "user_role" && q.OfferingUuid == scenario.OfferingUuids[0].ToString("N"))
                .Select(q => (q.Subscription.User.Uuid, q.QueueName)).SingleOrDefault());
            if (queue is null)
            {
                var failure = emulator.Requests.FirstOrDefault(r => r.Status >= 500);
                throw new InvalidOperationException("the agent made no user_role queue for the first offering; first emulator failure: "
                    + (failure is null ? "none" : failure.ToJson().ToJsonString()) + "\n" + agent.Output + agent.Error);
            }
            var message = $$"""{"project_uuid": "{{scenario.ProjectUuid:N}}", "project_name": "Project {{scenario.Id}}", "offering_uuid": "{{scenario.OfferingUuids[0]:N}}"}""";
            Console.WriteLine($"{count} user_role events (+20 warm-up) to {queue}, each followed by the same message to a bare STOMP subscriber (baseline)");
            var (agentLatencies, baseline) = await MeasureAsync(management, agent, vhost, webStomp, queue, message, starts, count);

            agent.Signal(15);
            var exit = await agent.WaitAsync(TimeSpan.FromSeconds(60));
            var report = EventBenchReport.Markdown(count, agentLatencies, baseline, eventRss, pollingRss, connections, eventOpenSsl);
            Console.WriteLine();
            Console.WriteLine(report);
            var path = Path.GetFullPath("artifacts/bench/events.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, report);
            Console.WriteLine($"Written to {path}");
            return exit.ExitCode;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Per event: publish to the agent's queue and wait until the agent has finished it, then publish the
    /// same message to the baseline subscriber's queue; interleaved, so a burst of load on the shared
    /// machine hits both sides alike.
    /// </summary>
    private static async Task<(double[] Agent, double[] Baseline)> MeasureAsync(
        RabbitMqManagement management, RunningProcess agent, string vhost, Uri webStomp, string queue, string message, string starts, int count)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var (baselineQueue, login, passcode) = ("bench_baseline_" + id, "bench-baseline-" + id, "pw-" + id);
        await management.CreateUserAsync(login, passcode);
        await management.GrantAllAsync(vhost, login);
        await management.DeclareQueueAsync(vhost, baselineQueue, WaldurQueues.Arguments());
        try
        {
            await using var client = new StompClient(new StompClientOptions
            {
                Endpoint = StompEndpoint.Parse(webStomp.ToString()),
                VirtualHost = vhost,
                Login = login,
                Passcode = passcode,
                Subscriptions = [new StompSubscription("/amq/queue/" + baselineQueue)],
            });
            await using var messages = client.ReadAsync().GetAsyncEnumerator();
            var (agentLatencies, baseline) = (new List<double>(), new List<double>());
            for (var i = 0; i < count + 20; i++)
            {
                var startsBefore = File.Exists(starts) ? File.ReadAllLines(starts).Length : 0;
                var handledBefore = Count(agent, "event_process-user_role: membership synced");
                var published = NowSeconds();
                await management.PublishAsync(vhost, queue, message);
                await WaitUntilAsync(() => File.Exists(starts) && File.ReadAllLines(starts).Length > startsBefore, agent);
                var started = double.Parse(File.ReadAllLines(starts)[startsBefore], CultureInfo.InvariantCulture);
                await WaitUntilAsync(() => Count(agent, "event_process-user_role: membership synced") > handledBefore, agent);

                var sent = NowSeconds();
                await management.PublishAsync(vhost, baselineQueue, message);
                if (!await messages.MoveNextAsync()) throw new InvalidOperationException("the baseline subscriber stopped");
                var received = NowSeconds();
                await client.AckAsync(messages.Current);
                if (i >= 20)
                {
                    agentLatencies.Add((started - published) * 1000);
                    baseline.Add((received - sent) * 1000);
                }
            }

            return ([.. agentLatencies], [.. baseline]);
        }
        finally
        {
            await management.DeleteUserAsync(login);
        }
    }

    private static async Task<long> IdleRssAsync(string binary, string configPath, string work, string mode, string readyLine)
    {
        using var agent = StartAgent(binary, configPath, work, mode);
        await WaitForLogAsync(agent, readyLine, TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(10));
        var rss = RssKb(agent.Id);
        agent.Signal(15);
        await agent.WaitAsync(TimeSpan.FromSeconds(60));
        return rss;
    }

    private static RunningProcess StartAgent(string binary, string configPath, string work, string mode) =>
        RunningProcess.Start(binary, ["-m", mode, "-c", configPath, "--log-format", "plain"], new Dictionary<string, string?>
        {
            ["WALDUR_SITE_AGENT_HEARTBEAT_FILE"] = Path.Combine(work, "heartbeat"),
            ["WALDUR_SITE_AGENT_RECONCILIATION_PERIOD_MINUTES"] = "600",
            ["WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES"] = "600",
        });

    /// <summary>A sacctmgr that appends its start time (bash's <c>$EPOCHREALTIME</c>, no fork) and execs the real one.</summary>
    private static string WriteTimingWrapper(string work, string starts)
    {
        var bin = Path.Combine(work, "slurm-bin");
        Directory.CreateDirectory(bin);
        foreach (var program in new[] { "sacctmgr", "sacct", "sinfo", "scancel" })
        {
            var path = Path.Combine(bin, program);
            var record = program == "sacctmgr" ? $"printf '%s\\n' \"$EPOCHREALTIME\" >> '{starts}'\n" : string.Empty;
            File.WriteAllText(path, $"#!/bin/bash\n{record}exec /usr/bin/{program} \"$@\"\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }

    /// <summary>The OpenSSL libraries mapped into the process: on plain ws:// and http:// there should be none.</summary>
    private static IReadOnlyList<string> MappedOpenSsl(int pid) =>
        File.ReadAllLines($"/proc/{pid}/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6)
            .Select(fields => Path.GetFileName(fields[5]))
            .Where(name => name.StartsWith("libssl.so", StringComparison.Ordinal) || name.StartsWith("libcrypto.so", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static long RssKb(int pid) =>
        long.Parse(File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static async Task WaitForLogAsync(RunningProcess agent, string line, TimeSpan timeout)
    {
        if (!await RunningProcess.WaitUntilAsync(() => Task.FromResult(agent.HasExited || (agent.Output + agent.Error).Contains(line, StringComparison.Ordinal)), timeout) || agent.HasExited)
        {
            throw new InvalidOperationException($"the agent never logged \"{line}\":\n{agent.Output}{agent.Error}");
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, RunningProcess agent)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (agent.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("the agent did not act on an event within 60 s:\n" + agent.Error[^Math.Min(agent.Error.Length, 4000)..]);
            }

            await Task.Delay(1);
        }
    }

    private static int Count(RunningProcess agent, string text)
    {
        var log = agent.Output + agent.Error;
        var n = 0;
        for (var at = log.IndexOf(text, StringComparison.Ordinal); at >= 0; at = log.IndexOf(text, at + text.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static double NowSeconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
