using System.Globalization;
using System.Text;

namespace SiteAgent.Benchmarks.Parsers;

/// <summary>
/// Deterministic 10,000-line outputs of the commands whose parsers are measured, each line shaped like
/// the real-cluster captures in <c>tests/SiteAgent.Backends.Slurm.Tests/Fixtures/</c>.
/// </summary>
internal static class SlurmOutput
{
    /// <summary>Lines in every generated output (each ends with a newline, as the real commands print).</summary>
    public const int LineCount = 10_000;

    /// <summary>Allocation accounts the usage lines are spread over.</summary>
    public const int AccountCount = 200;

    /// <summary>The account of the association listings: one account with 9,999 users.</summary>
    public const string LargeAccount = "hpc_a_large";

    /// <summary>The allocation account number <paramref name="index"/>.</summary>
    public static string Account(int index) => string.Create(CultureInfo.InvariantCulture, $"hpc_a_alloc-{index:D3}");

    /// <summary>
    /// <c>sacct --parsable2 --noheader --noconvert --allocations --format=Account,ReqTRES,Elapsed,User</c>
    /// (like <c>sacct-usage-two-accounts.txt</c>): 200 accounts (or <paramref name="accounts"/>), 300 users,
    /// 1–32 CPUs, a GPU on a quarter of the jobs, one job in twenty longer than a day (<c>D-HH:MM:SS</c>).
    /// </summary>
    /// <param name="lines">Job records (default 10,000).</param>
    /// <param name="accounts">Allocation accounts the records are spread over (default 200).</param>
    public static string SacctUsage(int lines = LineCount, int accounts = AccountCount)
    {
        var random = new Random(42);
        var text = new StringBuilder(lines * 80);
        for (var i = 0; i < lines; i++)
        {
            var cpus = 1 << random.Next(0, 6);
            var memory = (cpus * 1000) + (random.Next(0, 4) * 512);
            var gpu = random.Next(4) == 0 ? string.Create(CultureInfo.InvariantCulture, $",gres/gpu={1 + random.Next(2)}") : string.Empty;
            var days = random.Next(20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 7)}-") : string.Empty;
            text.Append(CultureInfo.InvariantCulture,
                $"{Account(random.Next(accounts))}|billing={cpus},cpu={cpus}{gpu},mem={memory}M,node=1|{days}{random.Next(24):D2}:{random.Next(60):D2}:{random.Next(60):D2}|user{random.Next(300):D3}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>sacctmgr list associations format=account,user where account=A</c> (like
    /// <c>sacctmgr-list-assoc-account-user.txt</c>): the account row, then one row per user.
    /// </summary>
    public static string AssociationUsers()
    {
        var text = new StringBuilder(LineCount * 24).Append(LargeAccount).Append("|\n");
        for (var i = 1; i < LineCount; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{LargeAccount}|user{i:D5}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>sacctmgr show association where accounts=A format=Account,MaxTRESMins,User</c> (like
    /// <c>sacctmgr-show-assoc-maxtresmins.txt</c>): a third of the users without a limit, a third with a
    /// CPU limit, a third with CPU, memory (in a unit, as sacctmgr prints it) and GPU limits.
    /// </summary>
    public static string AssociationMaxTresMins()
    {
        var text = new StringBuilder(LineCount * 48).Append(LargeAccount).Append("||\n");
        for (var i = 1; i < LineCount; i++)
        {
            var limits = (i % 3) switch { 0 => string.Empty, 1 => "cpu=6000", _ => "cpu=6000,mem=600G,gres/gpu=60" };
            text.Append(CultureInfo.InvariantCulture, $"{LargeAccount}|{limits}|user{i:D5}\n");
        }

        return text.ToString();
    }

    /// <summary>The baseline's minimal work on a text: split it into lines and each line into fields; returns the field count.</summary>
    public static int SplitIntoFields(string text)
    {
        var fields = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            fields += line.Split('|').Length;
        }

        return fields;
    }
}
