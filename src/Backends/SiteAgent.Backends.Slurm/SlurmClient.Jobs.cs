using System.Globalization;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

/// <summary>Jobs, usage and version.</summary>
public sealed partial class SlurmClient
{
    /// <summary>Job states in which SLURM refuses to remove the job's association.</summary>
    public static readonly string[] ActiveStates = ["PENDING", "RUNNING", "SUSPENDED", "REQUEUED", "COMPLETING", "CONFIGURING", "RESIZING"];

    /// <summary><c>sinfo -V</c>, trimmed (<c>slurm-wlm 22.05.8</c>).</summary>
    public async Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        SlurmParser.ParseVersion(await ReadAsync(new CommandSpec(Program("sinfo"), ["-V"], CommandEffect.Read, _settings.Timeout), cancellationToken).ConfigureAwait(false));

    /// <summary>Whether <c>sacctmgr --version</c> is a real SLURM (false on any failure).</summary>
    public async Task<bool> IsRealSlurmAsync(CancellationToken cancellationToken)
    {
        try
        {
            var text = await ReadAsync(new CommandSpec(Program("sacctmgr"), ["--version"], CommandEffect.Read, _settings.Timeout), cancellationToken).ConfigureAwait(false);
            return SlurmParser.IsSlurmVersion(text);
        }
        catch (BackendException)
        {
            return false;
        }
    }

    /// <summary>
    /// Ids of the account's (and user's) jobs that are active now.
    /// </summary>
    /// <remarks>
    /// The reference's <c>sacct -a --account= --user=</c> lists today's jobs in any state, steps included.
    /// With <c>--state</c> and a window, sacct lists jobs that were in those states at any time in the
    /// window, so the State column is checked too. <c>--endtime=now</c> is needed: SLURM 22.05 with
    /// <c>--state</c> and <c>--starttime</c> but no <c>--endtime</c> lists nothing, even a running job
    /// (verified on the test cluster). The list may lag
    /// slurmctld by a few seconds; callers use it to decide on <c>scancel</c> and to wait, never as
    /// proof that nothing runs.
    /// </remarks>
    public async Task<IReadOnlyList<string>> ListActiveJobsAsync(string account, string? user, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        string[] userOption = user is null ? [] : [$"--user={SlurmNames.Username(user)}"];
        var text = await ReadAsync(
            Sacct(["--allocations", "--state=PENDING,RUNNING,SUSPENDED,REQUEUED", "--starttime=now-30days", "--endtime=now", "-a", $"--account={account}", .. userOption, "--format=JobID,State"]),
            cancellationToken).ConfigureAwait(false);
        var active = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var state = SlurmParser.Field(line, 1);
            var space = state.IndexOf(' ');
            if (line.Contains('|') && ActiveStates.AsSpan().Contains((space < 0 ? state : state[..space]).ToString()))
            {
                active.Add(SlurmParser.Field(line, 0).ToString());
            }
        }

        return active;
    }

    /// <summary>Cancels the account's jobs, or only the user's. Matching nothing is success. Asynchronous in SLURM.</summary>
    public async Task CancelJobsAsync(string account, string? user, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        string[] userOption = user is null ? [] : ["-u", SlurmNames.Username(user)];
        var command = new CommandSpec(Program("scancel"), [.. ClusterOption, .. userOption, "-A", account, "-f"], CommandEffect.Write, _settings.Timeout);
        var result = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw Failure(command, result.Output);
        }
    }

    /// <summary>
    /// Usage lines of the accounts between two local times (sacct's <c>--truncate</c> clips jobs to
    /// the window). An empty account list runs nothing.
    /// </summary>
    public async Task<IReadOnlyList<UsageLine>> GetUsageAsync(
        IReadOnlyList<string> accounts, DateTime start, DateTime end, IReadOnlySet<string> tresKeys, ICollection<string>? skipped, CancellationToken cancellationToken)
    {
        if (accounts.Count == 0)
        {
            return [];
        }

        foreach (var account in accounts)
        {
            SlurmNames.Account(account, "account");
        }

        var text = await ReadAsync(
            Sacct(
                "--noconvert", "--truncate", "--allocations", "--allusers",
                $"--starttime={start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}",
                $"--endtime={end.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}",
                $"--accounts={string.Join(',', accounts)}",
                "--format=Account,ReqTRES,Elapsed,User"),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseUsage(text, tresKeys, skipped);
    }

    /// <summary>Creates a home directory from the password database (<c>/sbin/mkhomedir_helper USER UMASK</c>).</summary>
    public async Task CreateHomeDirectoryAsync(string user, string umask, CancellationToken cancellationToken)
    {
        SlurmNames.Username(user);
        if (umask.Length is 0 or > 4 || umask.Any(c => c is < '0' or > '7'))
        {
            throw new UnsafeValueException($"Refusing umask {SlurmNames.Quote(umask)}: expected octal digits such as 0077");
        }

        var command = new CommandSpec("/sbin/mkhomedir_helper", [user, umask], CommandEffect.Write, _settings.Timeout);
        var result = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw Failure(command, result.Output);
        }
    }
}
