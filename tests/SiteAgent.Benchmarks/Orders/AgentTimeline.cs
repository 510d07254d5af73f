namespace SiteAgent.Benchmarks.Orders;

/// <summary>
/// Where the agent's own share of a run went, from its log timestamps: every moment of the run is
/// either inside a command or in one of these four parts.
/// </summary>
/// <param name="BeforeFirstCommandMs">Process start, config, Waldur identity and registration, the order list.</param>
/// <param name="LockWaitsMs">Gaps before sacctmgr writes of at least <see cref="LockWaitThresholdMs"/>: the write waited for the host-wide lock.</param>
/// <param name="LockWaits">How many writes waited.</param>
/// <param name="OtherGapsMs">The other gaps between commands: Waldur calls, parsing, decisions.</param>
/// <param name="OtherGaps">How many such gaps.</param>
/// <param name="AfterLastCommandMs">The last Waldur calls, shutdown and exit.</param>
internal sealed record AgentTimeline(double BeforeFirstCommandMs, double LockWaitsMs, int LockWaits, double OtherGapsMs, int OtherGaps, double AfterLastCommandMs)
{
    /// <summary>
    /// A write that finds the lock taken retries after 5 ms (SacctmgrWriteLock), so a gap of 5 ms or more
    /// before a write is a wait for the lock; without contention those gaps stay well under a millisecond.
    /// </summary>
    public const double LockWaitThresholdMs = 5;

    /// <summary>Splits a run's own share; the agent runs its commands one at a time, so gaps never overlap commands.</summary>
    public static AgentTimeline Of(AgentRun run)
    {
        var commands = run.Log.Commands;
        if (commands.Count == 0)
        {
            return new AgentTimeline(run.Wall.TotalMilliseconds, 0, 0, 0, 0, 0);
        }

        double lockWaitsMs = 0, otherMs = 0;
        int lockWaits = 0, others = 0;
        for (var i = 1; i < commands.Count; i++)
        {
            var gap = (commands[i].StartedUtc - commands[i - 1].FinishedUtc).TotalMilliseconds;
            if (commands[i].IsWrite && gap >= LockWaitThresholdMs)
            {
                lockWaitsMs += gap;
                lockWaits++;
            }
            else
            {
                otherMs += gap;
                others++;
            }
        }

        return new AgentTimeline(
            (commands[0].StartedUtc - run.StartedUtc).TotalMilliseconds,
            lockWaitsMs,
            lockWaits,
            otherMs,
            others,
            (run.StartedUtc + run.Wall - commands[^1].FinishedUtc).TotalMilliseconds);
    }
}
