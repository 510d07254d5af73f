using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>Classes that run jobs share the node's two CPUs: they carry <c>[NotInParallel(JobsGroup.Key)]</c>.</summary>
internal static class JobsGroup
{
    public const string Key = "slurm-jobs";
}

/// <summary>Submits and watches real jobs on the test cluster (as root).</summary>
internal static class Jobs
{
    public static async Task<string> SubmitAsync(string account, string command, int cpus = 1)
    {
        var result = await new ProcessCommandRunner().RunAsync(
            new CommandSpec("/usr/bin/sbatch", ["--parsable", "-A", account, "-t", "10", "-c", cpus.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mem=100", "-o", "/dev/null", "--chdir=/", $"--wrap={command}"], CommandEffect.Write),
            CancellationToken.None);
        await Assert.That(result.Succeeded).IsTrue().Because(result.Output);
        return result.Output.Trim().Split(';')[0];
    }

    public static async Task<string> StateAsync(string job)
    {
        var result = await new ProcessCommandRunner().RunAsync(
            new CommandSpec("/usr/bin/sacct", ["--parsable2", "--noheader", "-X", "-j", job, "-o", "State"], CommandEffect.Read), CancellationToken.None);
        return result.Output.Trim();
    }

    public static async Task WaitForStateAsync(string job, params string[] states)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        string state;
        while (!states.Any((state = await StateAsync(job)).StartsWith))
        {
            await Assert.That(stopwatch.Elapsed < TimeSpan.FromSeconds(60)).IsTrue().Because($"job {job} is {state}, expected {string.Join('/', states)}");
            await Task.Delay(500);
        }
    }
}
