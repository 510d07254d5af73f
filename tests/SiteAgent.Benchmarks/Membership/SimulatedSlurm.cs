using System.Text;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Benchmarks.Membership;

/// <summary>
/// A SLURM accounting database in memory, reached through the agent's command runner: it answers the
/// association listing in sacctmgr's exact <c>--parsable2</c> format, applies <c>add user</c>,
/// <c>remove user</c> and <c>modify account</c>, and counts reads and writes by kind. The command time is
/// the cluster's, so it is zero here and the bench measures the agent's own work.
/// </summary>
internal sealed class SimulatedSlurm : ICommandRunner
{
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Adds an allocation account with its users, GrpTRESMins and QoS.</summary>
    public void AddAccount(string name, string parent, string grpTresMins, IEnumerable<string> users)
    {
        lock (_gate)
        {
            _accounts[name] = new Account(parent, grpTresMins, "normal", new HashSet<string>(users, StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>The users of an account now.</summary>
    public IReadOnlySet<string> Users(string account)
    {
        lock (_gate)
        {
            return _accounts[account].Users.ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>Commands run since the last <see cref="Reset"/>, by kind (<c>sacctmgr show association</c>, <c>sacctmgr add user</c>…).</summary>
    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_counts, StringComparer.Ordinal);
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _counts.Clear();
        }
    }

    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        var args = command.Arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var kind = $"{Path.GetFileName(command.Program)} {string.Join(' ', args.Take(2))}";
        lock (_gate)
        {
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            var output = kind switch
            {
                "sacctmgr show association" => Listing(Value(args, "account=")),
                "sacctmgr add user" => AddUsers(args[2].Split(','), Value(args, "account=")),
                "sacctmgr remove user" => RemoveUser(Value(args, "name="), Value(args, "account=")),
                "sacctmgr modify account" => ModifyQos(args[2], Value(args, "qos=")),
                _ => string.Empty,
            };
            return Task.FromResult(new CommandResult(0, output, false, TimeSpan.Zero));
        }
    }

    private string Listing(string accounts)
    {
        var text = new StringBuilder();
        foreach (var name in accounts.Split(','))
        {
            if (!_accounts.TryGetValue(name, out var account))
            {
                continue;
            }

            // Account|ParentName|User|Partition|GrpTRESMins|MaxTRESMins|GrpSubmit|QOS|Def QOS
            text.Append(name).Append('|').Append(account.Parent).Append("|||").Append(account.GrpTresMins).Append("|||").Append(account.Qos).Append("|\n");
            foreach (var user in account.Users)
            {
                text.Append(name).Append('|').Append(account.Parent).Append('|').Append(user).Append("|||||").Append(account.Qos).Append("|\n");
            }
        }

        return text.ToString();
    }

    private string AddUsers(string[] users, string account)
    {
        _accounts[account].Users.UnionWith(users);
        return " Adding User(s)\n" + string.Concat(users.Select(u => $"  {u}\n"));
    }

    private string RemoveUser(string user, string account)
    {
        _accounts[account].Users.Remove(user);
        return $" Deleting user associations...\n  C = benchcluster A = {account} U = {user}\n";
    }

    private string ModifyQos(string account, string qos)
    {
        if (qos.Length > 0)
        {
            _accounts[account] = _accounts[account] with { Qos = qos };
        }

        return " Modified account associations...\n";
    }

    private static string Value(string[] args, string prefix) => args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..] ?? string.Empty;

    private sealed record Account(string Parent, string GrpTresMins, string Qos, HashSet<string> Users);
}
