using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Base;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Registry;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Core.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Runtime;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Testing;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Emulator;
using SiteAgent.Waldur.Emulator.State;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Benchmarks.Membership;

/// <summary>
/// The <c>membership</c> bench command: membership sync cycles of 1,000 resources × 20 users, run in
/// process against the Waldur emulator and a SLURM database in memory (<see cref="SimulatedSlurm"/>),
/// with nothing changed and with 5 % of the teams changed. Counts the sacctmgr and Waldur calls and the
/// agent's own time (wall time minus the emulator's handling time), against a baseline measured in the
/// same run: the reads any sync must make (resources, offering users, teams, the association listing),
/// sent through the same client with nothing decided or written.
/// </summary>
internal static class MembershipBenchCommand
{
    private const int Repetitions = 3;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var resources = Option(args, "--resources", 1000);
        var users = Option(args, "--users", 20);
        var scenario = new MembershipBenchScenario(resources, users);
        var work = Directory.CreateTempSubdirectory("membership-bench-").FullName;
        try
        {
            Console.WriteLine($"Seeding the emulator: {resources} resources × {users} users");
            await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Token = null, RequestLogCapacity = 1_000_000 });
            emulator.Seed(scenario.Yaml(), yaml: true);
            var slurm = new SimulatedSlurm();
            for (var r = 0; r < resources; r++)
            {
                slurm.AddAccount(MembershipBenchScenario.Account(r), MembershipBenchScenario.ProjectAccount(r), "cpu=600000", Enumerable.Range(0, users).Select(u => MembershipBenchScenario.Username(r, u)));
            }

            var runtime = Runtime(emulator, slurm, Path.Combine(work, "sacctmgr.lock"));
            var mode = new MembershipSyncMode(runtime, new Heartbeat(Path.Combine(work, "heartbeat"), TimeProvider.System, NullLogger.Instance));
            var run = new CycleRunner(emulator, slurm, mode);

            Console.WriteLine("Warm-up cycle (registration, first use of every path)");
            await run.CycleAsync("warm-up");
            var quiet = new List<CycleFigures>();
            var changed = new List<CycleFigures>();
            var baselines = new List<CycleFigures>();
            var changes = Math.Max(1, resources / 20);
            for (var i = 0; i < Repetitions; i++)
            {
                baselines.Add(await run.BaselineAsync(runtime));
                quiet.Add(await run.CycleAsync("nothing changed"));
                ChangeTeams(emulator, changes, i % 2 == 0);
                changed.Add(await run.CycleAsync($"{changes} teams changed"));
                Verify(emulator, slurm, resources);
            }

            var report = new MembershipBenchReport(resources, users, changes, baselines, quiet, changed);
            var markdown = report.Markdown();
            Console.WriteLine();
            Console.WriteLine(markdown);
            var path = RepositoryPaths.Combine("artifacts", "bench", "membership.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, markdown);
            Console.WriteLine($"Written to {path}");
            return report.Passed ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>In <paramref name="count"/> projects one member leaves and the waiting joiner arrives (or, every other round, the reverse).</summary>
    private static void ChangeTeams(EmulatorHost emulator, int count, bool forward) => emulator.Read(state =>
    {
        for (var r = 0; r < count; r++)
        {
            var project = state.Projects.Find(MembershipBenchScenario.ProjectUuid(r))!;
            var leaver = state.Users.Find(MembershipBenchScenario.UserUuid(r, forward ? 0 : 999))!;
            var joiner = state.Users.Find(MembershipBenchScenario.UserUuid(r, forward ? 999 : 0))!;
            var role = project.Members[0].Role;
            project.Members.RemoveAll(m => m.User == leaver);
            project.Members.Add(state.Stamp(new ProjectMember { User = joiner, Role = role }));
        }

        return 0;
    });

    /// <summary>SLURM must hold exactly the teams afterwards, or the bench would time a sync that did not happen.</summary>
    private static void Verify(EmulatorHost emulator, SimulatedSlurm slurm, int resources)
    {
        var teams = emulator.Read(state => Enumerable.Range(0, resources).ToDictionary(r => r,
            r => state.Projects.Find(MembershipBenchScenario.ProjectUuid(r))!.Members.Select(m => m.User.Username.Split('@')[0]).ToHashSet(StringComparer.Ordinal)));
        foreach (var (resource, team) in teams)
        {
            if (!slurm.Users(MembershipBenchScenario.Account(resource)).SetEquals(team))
            {
                throw new InvalidOperationException($"after the cycle, {MembershipBenchScenario.Account(resource)} does not hold its team");
            }
        }
    }

    private static AgentRuntime Runtime(EmulatorHost emulator, SimulatedSlurm slurm, string lockFile)
    {
        var catalog = new BackendCatalog(
        [
            new BackendDescriptor("slurm", "SLURM", "bench", "", typeof(SlurmBackend).FullName!,
                [BackendCapabilities.MembershipSync, BackendCapabilities.LimitReading, BackendCapabilities.ResourceStatus, BackendCapabilities.UserLimits],
                r => SlurmOptions.Read(r), (settings, context) => new SlurmBackend((SlurmOptions)settings, context)),
            new BackendDescriptor("base", "Basic", "bench", "", typeof(BaseUsernameBackend).FullName!,
                [BackendCapabilities.UsernameManagement], r => NoSettings.Read(r), (_, _) => new BaseUsernameBackend()),
        ]);
        var loaded = new ConfigLoader(catalog).LoadText("/bench/membership.yaml", MembershipBenchScenario.AgentConfig(emulator.ApiUrl, lockFile));
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(loaded.ErrorReport());
        }

        return new AgentRuntime
        {
            Config = loaded.Config!,
            Environment = new AgentEnvironment(),
            Catalog = catalog,
            Loggers = new WarningConsole(),
            Clients = new WaldurClientFactory(loaded.Config!, "membership_sync", "bench", NullLoggerFactory.Instance),
            Commands = slurm,
            Mode = "membership_sync",
            Version = "bench",
        };
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count && int.TryParse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>Runs and measures cycles and baselines.</summary>
    private sealed class CycleRunner(EmulatorHost emulator, SimulatedSlurm slurm, MembershipSyncMode mode)
    {
        public async Task<CycleFigures> CycleAsync(string label)
        {
            return await MeasureAsync(label, async () =>
            {
                if (!await mode.RunCycleAsync(CancellationToken.None, CancellationToken.None))
                {
                    throw new InvalidOperationException($"the {label} cycle failed");
                }
            });
        }

        /// <summary>The reads alone: the same Waldur lists and teams, the same association listing, nothing decided.</summary>
        public Task<CycleFigures> BaselineAsync(AgentRuntime runtime) => MeasureAsync("baseline", async () =>
        {
            var offering = runtime.Config.Offerings[0];
            var waldur = runtime.Clients.For(offering);
            var uuid = offering.OfferingUuid;
            var resources = await waldur.ListProviderResources(new ResourceListQuery { OfferingUuids = [uuid], States = MembershipCycle.SyncedStates }).ToListAsync();
            await waldur.ListOfferingUsers(new OfferingUserListQuery { OfferingUuids = [uuid], IsRestricted = false }).ToListAsync();
            await waldur.ListProjectServiceAccounts(uuid).ToListAsync();
            await waldur.ListCourseAccounts(uuid).ToListAsync();
            await waldur.ListComponentUserUsageLimits(new ComponentUserUsageLimitListQuery { OfferingUuid = uuid }).ToListAsync();
            foreach (var resource in resources)
            {
                await waldur.ListProviderResourceTeamAsync(resource.Uuid);
            }

            var listing = await slurm.RunAsync(new SiteAgent.Backends.Commands.CommandSpec("/usr/bin/sacctmgr",
                ["show", "association", $"where", "account=" + string.Join(',', resources.Select(r => r.BackendId))], SiteAgent.Backends.Commands.CommandEffect.Read), CancellationToken.None);
            _ = listing.Output.Split('\n').Sum(l => l.Split('|').Length);
        });

        private async Task<CycleFigures> MeasureAsync(string label, Func<Task> cycle)
        {
            slurm.Reset();
            var before = emulator.Requests.Count;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await cycle();
            watch.Stop();
            var requests = emulator.Requests.Skip(before).ToList();
            var figures = new CycleFigures(label, watch.Elapsed, requests.Sum(r => r.Handling.TotalMilliseconds),
                requests.Count(r => r.Method == "GET"), requests.Where(r => r.Method != "GET").GroupBy(r => Action(r.Path)).ToDictionary(g => g.Key, g => g.Count()),
                slurm.Counts);
            Console.WriteLine($"{label}: {figures.Wall.TotalMilliseconds:F0} ms wall, {figures.OwnMs:F0} ms own, {figures.WaldurReads} Waldur reads, " +
                $"{figures.WaldurWrites.Values.Sum()} writes, {figures.SlurmCalls.Values.Sum()} SLURM commands (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms)");
            return figures;
        }

        private static string Action(string path) => path.TrimEnd('/').Split('/')[^1];
    }
}

/// <summary>What one cycle cost.</summary>
/// <param name="Label">What the cycle was.</param>
/// <param name="Wall">Wall time of the cycle.</param>
/// <param name="WaldurServerMs">The emulator's handling time of the cycle's requests (same process).</param>
/// <param name="WaldurReads">GET requests.</param>
/// <param name="WaldurWrites">Other requests, by action (last path segment).</param>
/// <param name="SlurmCalls">Commands by kind.</param>
internal sealed record CycleFigures(string Label, TimeSpan Wall, double WaldurServerMs, int WaldurReads, IReadOnlyDictionary<string, int> WaldurWrites, IReadOnlyDictionary<string, int> SlurmCalls)
{
    /// <summary>The agent's own time: wall time minus the emulator's handling time.</summary>
    public double OwnMs => Wall.TotalMilliseconds - WaldurServerMs;

    public int SlurmWrites => SlurmCalls.Where(c => !c.Key.EndsWith("show association", StringComparison.Ordinal)).Sum(c => c.Value);
}
