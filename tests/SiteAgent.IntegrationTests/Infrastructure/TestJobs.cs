using System.Globalization;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>Classes that run jobs share the node's two CPUs: they carry <c>[NotInParallel(JobsGroup.Key)]</c>.</summary>
internal static class JobsGroup
{
    public const string Key = "agent-jobs";
}

/// <summary>One finished job as sacct records it: what the agent's usage query reads.</summary>
internal sealed record JobRecord(string JobId, string Account, string User, int Cpus, long MemoryMb, long ElapsedSeconds);

/// <summary>Real jobs on the test cluster, submitted as root on behalf of local users (<c>sbatch --uid</c>).</summary>
internal static class TestJobs
{
    /// <summary>Submits <c>sleep <paramref name="seconds"/></c> as <paramref name="user"/> on <paramref name="account"/>; returns the job id, or throws with sbatch's refusal.</summary>
    public static async Task<string> SubmitAsync(string account, string user, int cpus, int memoryMb, int seconds)
    {
        var outcome = await TrySubmitAsync(account, user, cpus, memoryMb, seconds);
        if (outcome.ExitCode != 0)
        {
            Assert.Fail("sbatch failed: " + outcome);
        }

        return outcome.Output.Trim().Split(';')[0];
    }

    /// <summary>Submits and returns sbatch's outcome (a paused account refuses).</summary>
    public static async Task<ProcessOutcome> TrySubmitAsync(string account, string user, int cpus, int memoryMb, int seconds)
    {
        var gid = (await ProcessRunner.RunAsync("/usr/bin/id", ["-g", user])).Output.Trim();
        return await ProcessRunner.RunAsync("/usr/bin/sbatch",
        [
            "--parsable", $"--uid={user}", $"--gid={gid}", "-A", account, "-c", cpus.ToString(CultureInfo.InvariantCulture),
            $"--mem={memoryMb}M", "-t", "5", "-o", "/dev/null", "--chdir=/", $"--wrap=sleep {seconds}",
        ], SlurmCluster.Environment);
    }

    /// <summary>Waits until every job has ended and sacct's usage window (allocations, this month) shows each with its elapsed time.</summary>
    public static async Task<IReadOnlyList<JobRecord>> WaitForRecordsAsync(IReadOnlyCollection<string> jobs, IReadOnlyCollection<string> accounts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var records = await RecordsAsync(accounts);
            var ours = records.Where(r => jobs.Contains(r.JobId)).ToList();
            if (ours.Count == jobs.Count && ours.All(r => r.ElapsedSeconds > 0))
            {
                return ours;
            }

            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"sacct shows {ours.Count} of jobs {string.Join(',', jobs)} finished");
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// The job allocations of the accounts in this month, read the way the agent reads usage
    /// (<c>--noconvert --truncate --allocations --allusers</c>, the month in UTC) plus the job id and state.
    /// </summary>
    public static async Task<IReadOnlyList<JobRecord>> RecordsAsync(IReadOnlyCollection<string> accounts)
    {
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(1).AddSeconds(-1);
        var outcome = await ProcessRunner.RunAsync("/usr/bin/sacct",
        [
            "--parsable2", "--noheader", $"--cluster={SlurmCluster.Name}", "--noconvert", "--truncate", "--allocations", "--allusers",
            $"--starttime={start:yyyy-MM-ddTHH:mm:ss}", $"--endtime={end:yyyy-MM-ddTHH:mm:ss}", $"--accounts={string.Join(',', accounts)}",
            "--format=JobID,Account,ReqTRES,Elapsed,User,State",
        ], new Dictionary<string, string?>(SlurmCluster.Environment) { ["TZ"] = "UTC" });
        if (outcome.ExitCode != 0)
        {
            Assert.Fail("sacct failed: " + outcome);
        }

        return outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('|'))
            .Where(f => f[5].StartsWith("COMPLETED", StringComparison.Ordinal))
            .Select(f => new JobRecord(f[0], f[1], f[4], (int)Tres(f[2], "cpu"), Tres(f[2], "mem"), Seconds(f[3]))).ToList();
    }

    /// <summary>Cancels every job of an account (clean-up; jobs are slurmctld's, not a sacctmgr write).</summary>
    public static Task CancelAsync(string account) => ProcessRunner.RunAsync("/usr/bin/scancel", ["-A", account], SlurmCluster.Environment);

    /// <summary>A TRES value of <c>billing=1,cpu=2,mem=200M,node=1</c>, memory in MB as <c>--noconvert</c> prints it.</summary>
    private static long Tres(string tres, string name) =>
        long.Parse(tres.Split(',').Select(p => p.Split('=')).First(p => p[0] == name)[1].TrimEnd('M'), CultureInfo.InvariantCulture);

    private static long Seconds(string elapsed)
    {
        var days = 0L;
        if (elapsed.Contains('-', StringComparison.Ordinal))
        {
            days = long.Parse(elapsed.Split('-')[0], CultureInfo.InvariantCulture);
            elapsed = elapsed.Split('-')[1];
        }

        var parts = elapsed.Split(':').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (((days * 24) + parts[0]) * 60 + parts[1]) * 60 + parts[2];
    }
}
