using System.Text;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Core.Tests.Support;

/// <summary>
/// Answers the SLURM backend's commands with outputs in the exact formats the real tools print (the
/// fixtures of the SLURM backend tests): sacct usage per month, the association listing of the accounts
/// that exist. Records every command, so a test can count them.
/// </summary>
internal sealed class ScriptedSlurm : ICommandRunner
{
    private readonly List<CommandSpec> _commands = [];

    /// <summary>sacct output by month (<c>yyyy-MM</c>); a month without an entry prints nothing.</summary>
    public Dictionary<string, string> Usage { get; } = new(StringComparer.Ordinal);

    /// <summary>Months whose sacct fails (exit 1 with this text).</summary>
    public Dictionary<string, string> FailingMonths { get; } = new(StringComparer.Ordinal);

    /// <summary>An account whose presence in <c>--accounts=</c> makes sacct fail (exit 1).</summary>
    public string? FailingAccount { get; set; }

    /// <summary>Accounts that exist on the cluster (their account-level association).</summary>
    public HashSet<string> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>User associations per account; <c>add user</c> and <c>remove user</c> change them.</summary>
    public Dictionary<string, HashSet<string>> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>GrpTRESMins of an account as sacctmgr prints it (<c>cpu=600000</c>).</summary>
    public Dictionary<string, string> Limits { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The parent of every account: the project account of the tests' resources (project slug <c>proj</c>,
    /// no prefixes), so the backend's ownership check sees allocation accounts.
    /// </summary>
    public string Parent { get; set; } = "proj";

    /// <summary>When set, every <c>modify account</c> fails with this text (exit 1).</summary>
    public string? FailingModify { get; set; }

    /// <summary>Called when sacct runs for a month, before it answers.</summary>
    public Action<string>? OnSacct { get; set; }

    public IReadOnlyList<CommandSpec> Commands
    {
        get
        {
            lock (_commands)
            {
                return _commands.ToList();
            }
        }
    }

    public int Count(string program) => Commands.Count(c => Path.GetFileName(c.Program) == program);

    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        lock (_commands)
        {
            _commands.Add(command);
        }

        return Task.FromResult(Path.GetFileName(command.Program) switch
        {
            "sacct" => Sacct(command),
            "sacctmgr" when command.Arguments.Contains("association") => Associations(command),
            "sacctmgr" when command.Arguments.Contains("tres") => new CommandResult(0, File.ReadAllText(
                SiteAgent.Testing.RepositoryPaths.Combine("tests", "SiteAgent.Backends.Slurm.Tests", "Fixtures", "sacctmgr-list-tres-with-gpu.txt")), false, TimeSpan.Zero),
            "sacctmgr" when command.Arguments.Contains("add") && command.Arguments.Contains("user") => Change(command, add: true),
            "sacctmgr" when command.Arguments.Contains("remove") && command.Arguments.Contains("user") => Change(command, add: false),
            "sacctmgr" when command.Arguments.Contains("modify") && FailingModify is { } failure => new CommandResult(1, failure, false, TimeSpan.Zero),
            _ => new CommandResult(0, string.Empty, false, TimeSpan.Zero),
        });
    }

    private CommandResult Sacct(CommandSpec command)
    {
        var month = command.Arguments.First(a => a.StartsWith("--starttime=", StringComparison.Ordinal))["--starttime=".Length..][..7];
        OnSacct?.Invoke(month);
        var accounts = command.Arguments.First(a => a.StartsWith("--accounts=", StringComparison.Ordinal))["--accounts=".Length..].Split(',');
        if (FailingMonths.TryGetValue(month, out var failure))
        {
            return new CommandResult(1, failure, false, TimeSpan.Zero);
        }

        if (FailingAccount is { } bad && accounts.Contains(bad, StringComparer.OrdinalIgnoreCase))
        {
            return new CommandResult(1, $"sacct: error: slurmdbd: account {bad}: Unspecified error\n", false, TimeSpan.Zero);
        }

        var text = Usage.GetValueOrDefault(month, string.Empty);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => accounts.Contains(l.Split('|')[0], StringComparer.OrdinalIgnoreCase));
        return new CommandResult(0, string.Concat(lines.Select(l => l + "\n")), false, TimeSpan.Zero);
    }

    private CommandResult Associations(CommandSpec command)
    {
        var where = command.Arguments.First(a => a.StartsWith("account=", StringComparison.Ordinal))["account=".Length..].Split(',');
        var text = new StringBuilder();
        foreach (var account in where.Where(Accounts.Contains))
        {
            // Account|ParentName|User|Partition|GrpTRESMins|MaxTRESMins|GrpSubmit|QOS|Def QOS
            text.Append(string.Join('|', account, Parent, "", "", Limits.GetValueOrDefault(account, ""), "", "", "normal", "")).Append('\n');
            foreach (var user in Users.GetValueOrDefault(account) ?? [])
            {
                text.Append(string.Join('|', account, Parent, user, "", "", "", "", "normal", "")).Append('\n');
            }
        }

        return new CommandResult(0, text.ToString(), false, TimeSpan.Zero);
    }

    private CommandResult Change(CommandSpec command, bool add)
    {
        string Value(string prefix) => command.Arguments.First(a => a.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        var account = Value("account=");
        if (!Users.TryGetValue(account, out var users))
        {
            Users[account] = users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        if (add)
        {
            users.UnionWith(command.Arguments[command.Arguments.ToList().IndexOf("user") + 1].Split(','));
        }
        else
        {
            users.Remove(Value("name="));
        }

        return new CommandResult(0, string.Empty, false, TimeSpan.Zero);
    }
}
