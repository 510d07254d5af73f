using System.Text;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>What the orders bench measured, and its table (Markdown, printed and written to a file).</summary>
internal sealed record OrderBenchReport(
    OrderBenchOptions Options,
    string ClusterName,
    AgentRun Agent,
    ReplayResult Replay,
    IReadOnlyDictionary<string, int> OrderStates,
    WaldurServerTime Waldur,
    LoadWindow AgentLoad,
    LoadWindow ReplayLoad)
{
    /// <summary>The issue's goal for the agent's own time per order.</summary>
    public const double OwnShareGoalMs = 5;

    public int Orders => Options.Count;

    public bool AllDone => OrderStates.GetValueOrDefault("done") == Orders;

    public double TotalMs => Agent.Wall.TotalMilliseconds;

    public double InsideCommandsMs => Agent.Log.Commands.Sum(c => c.ElapsedMs);

    public double OwnShareMs => TotalMs - InsideCommandsMs;

    public double SacctmgrAloneMs => Replay.Wall.TotalMilliseconds;

    public string Markdown()
    {
        var commands = Agent.Log.Commands;
        var writes = commands.Count(c => c.IsWrite);
        var timeline = AgentTimeline.Of(Agent);
        var ownWithoutWaits = OwnShareMs - timeline.LockWaitsMs;
        var agentWork = ownWithoutWaits - Waldur.HandlingMs;
        var text = new StringBuilder();
        Line(text, $"# Orders bench: {Orders} Create orders");
        Line(text);
        Line(text, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; `dotnet run -c Release --project tests/SiteAgent.Benchmarks -- {Options.CommandLine}`; " +
            $"agent `{Options.Binary}` (built {File.GetLastWriteTimeUtc(Options.Binary):yyyy-MM-dd HH:mm} UTC); SLURM cluster `{ClusterName}`; " +
            $"{Environment.ProcessorCount} cores. Orders done: {OrderStates.GetValueOrDefault("done")} of {Orders}" +
            (AllDone ? "." : $" (states: {string.Join(", ", OrderStates.Select(s => $"{s.Key} {s.Value}"))})."));
        Line(text);
        Line(text, "| Measure | Total (ms) | Per order (ms) |");
        Line(text, "|---|---:|---:|");
        Row(text, "Agent run, wall: time to all orders done", TotalMs);
        Row(text, $"… inside commands ({commands.Count}: {commands.Count - writes} reads, {writes} writes)", InsideCommandsMs);
        Row(text, "… agent's own share (total − inside commands)", OwnShareMs);
        Row(text, "↳ before the first command: start-up, Waldur registration, order list", timeline.BeforeFirstCommandMs);
        Row(text, $"↳ waiting for the write lock: {timeline.LockWaits} of {writes} writes waited ≥ {AgentTimeline.LockWaitThresholdMs:0} ms", timeline.LockWaitsMs);
        Row(text, $"↳ the other {timeline.OtherGaps} gaps between commands: Waldur calls, parsing, decisions", timeline.OtherGapsMs);
        Row(text, "↳ after the last command", timeline.AfterLastCommandMs);
        Row(text, $"↳ across those: the Waldur emulator handling the agent's {Waldur.Requests} requests (server time, in the bench process)", Waldur.HandlingMs);
        Row(text, $"sacctmgr alone: the same {commands.Count} commands replayed directly", SacctmgrAloneMs);
        Row(text, "↳ of which waiting for the write lock", Replay.LockWait.TotalMilliseconds);
        Line(text, $"| **Ratio total / sacctmgr alone** | **{TotalMs / SacctmgrAloneMs:0.000}** | |");
        Row(text, "**Agent's own share without write-lock waits**", ownWithoutWaits);
        Line(text, $"| **Ratio without write-lock waits on either side** | **{(TotalMs - timeline.LockWaitsMs) / (SacctmgrAloneMs - Replay.LockWait.TotalMilliseconds):0.000}** | |");
        Row(text, "**Agent's own work: own share without write-lock waits and Waldur's server time**", agentWork);
        Line(text);
        Line(text, $"Goal \"the agent's own overhead under {OwnShareGoalMs:0} ms per order\": {Verdict(OwnShareMs)} with the write-lock waits " +
            $"({OwnShareMs / Orders:0.00} ms), {Verdict(ownWithoutWaits)} without them ({ownWithoutWaits / Orders:0.00} ms), " +
            $"{Verdict(agentWork)} for the agent's own work once Waldur's server time is also left out ({agentWork / Orders:0.00} ms). " +
            $"Goal \"the total bound by sacctmgr alone\": total / sacctmgr alone = {TotalMs / SacctmgrAloneMs:0.000}.");
        Line(text);
        Line(text, "| Command kind | Count | Agent: ms per command | Replay: ms per command |");
        Line(text, "|---|---:|---:|---:|");
        foreach (var kind in commands.GroupBy(c => c.Kind).OrderByDescending(g => g.Count()))
        {
            var count = kind.Count();
            Line(text, $"| `{kind.Key}` | {count} | {kind.Sum(c => c.ElapsedMs) / count:0.0} | {Replay.ElapsedByKind.GetValueOrDefault(kind.Key) / count:0.0} |");
        }

        Line(text);
        Line(text, $"- The agent's own share includes its {Waldur.Requests} requests to the in-process Waldur emulator " +
            $"({(double)Waldur.Requests / Orders:0.0} per order), served by the bench process in {Waldur.HandlingMs / Waldur.Requests:0.00} ms each on average.");
        Line(text, $"- Replay: {SacctmgrAloneMs - Replay.InsideCommandsMs - Replay.LockWait.TotalMilliseconds:0} ms outside its commands and lock waits; " +
            $"{Replay.ExitCodeMismatches} exit codes differed from the agent's.");
        Line(text, $"- Agent: exit code {Agent.ExitCode}; warnings and errors by event id: " +
            (Agent.Log.Problems.Count == 0 ? "none" : string.Join("; ", Agent.Log.Problems.GroupBy(p => p.Split(':')[0]).Select(g => $"{g.Key} ×{g.Count()} (\"{g.First()[(g.Key.Length + 2)..]}\")"))) +
            (Agent.Log.FractionalElapsed ? "." : ". Elapsed times in whole milliseconds only (an older binary): the time inside commands is understated by up to 1 ms per command."));
        Line(text, $"- Machine during the agent run: {AgentLoad}; during the replay: {ReplayLoad}.");
        return text.ToString();
    }

    private string Verdict(double ownShareMs) => ownShareMs / Orders < OwnShareGoalMs ? "met" : "not met";

    private void Row(StringBuilder text, string label, double totalMs) =>
        Line(text, $"| {label} | {totalMs:0} | {totalMs / Orders:0.00} |");

    // Numbers are formatted in the current culture, which is the invariant one: the repository builds every
    // project with InvariantGlobalization.
    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}

/// <summary>How many API requests the emulator served during the agent run, and the server time they took.</summary>
internal sealed record WaldurServerTime(int Requests, double HandlingMs);
