namespace SiteAgent.Backends.Slurm;

/// <summary>Parsers for <c>sacctmgr --parsable2 --noheader</c> listings.</summary>
public static partial class SlurmParser
{
    /// <summary>
    /// Account records of <c>list account</c> / <c>show account</c> (<c>name|description|organization</c>).
    /// </summary>
    /// <remarks>
    /// A description stored with a newline (before the agent sanitised them) splits one record over two
    /// physical lines: <c>hpc_nl|line one</c> + <c>line two|hpc_proj-1</c>. Lines are joined until the
    /// record has its three fields; a record cut short at the end of the output is padded with empty fields.
    /// </remarks>
    public static IReadOnlyList<SlurmAccount> ParseAccounts(string text)
    {
        var accounts = new List<SlurmAccount>();
        string? pending = null;
        foreach (var physical in text.AsSpan().EnumerateLines())
        {
            if (pending is null && !physical.Contains('|'))
            {
                continue;
            }

            var line = pending is null ? physical.ToString() : pending + "\n" + physical.ToString();
            if (FieldCount(line) < 3)
            {
                pending = line;
                continue;
            }

            pending = null;
            accounts.Add(ToAccount(line));
        }

        if (pending is not null)
        {
            accounts.Add(ToAccount(pending));
        }

        return accounts;

        static SlurmAccount ToAccount(string line) =>
            new(Field(line, 0).ToString(), Field(line, 1).ToString(), Field(line, 2).ToString());
    }

    /// <summary>The account named <paramref name="account"/> (ignoring case) among account records, or null.</summary>
    public static SlurmAccount? ParseAccount(string text, string account) =>
        ParseAccounts(text).FirstOrDefault(a => a.Name.Equals(account, StringComparison.OrdinalIgnoreCase));

    /// <summary>TRES keys of <c>list tres</c> (<c>type|name|id</c>): <c>type</c>, or <c>type/name</c> when a name is set.</summary>
    public static IReadOnlyList<string> ParseTres(string text)
    {
        var keys = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.Contains('|'))
            {
                continue;
            }

            var type = Field(line, 0);
            var name = Field(line, 1);
            if (!type.IsEmpty)
            {
                keys.Add(name.IsEmpty ? type.ToString() : string.Concat(type, "/", name));
            }
        }

        return keys;
    }

    /// <summary>Cluster names of <c>list cluster format=cluster</c>: one bare name per line.</summary>
    public static IReadOnlyList<string> ParseClusters(string text)
    {
        var names = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var name = Field(line, 0).Trim();
            if (!name.IsEmpty)
            {
                names.Add(name.ToString());
            }
        }

        return names;
    }

    /// <summary>
    /// Existence of the account-level association from <c>show association where account=A [cluster=C]
    /// format=Account,User,Partition</c>: a row for the account (ignoring case) with an empty user.
    /// </summary>
    /// <remarks>
    /// Account records are global and survive a cluster-scoped removal (<c>show account</c> still lists
    /// them), so the association, which is per cluster, is what "exists on this cluster" means.
    /// </remarks>
    public static bool ParseAccountAssociationExists(string text, string account)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|') && Field(line, 0).Equals(account, StringComparison.OrdinalIgnoreCase) && Field(line, 1).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a user association exists in the default <c>show association</c> format (field 1 account,
    /// field 2 user), comparing both ignoring case.
    /// </summary>
    public static bool ParseUserAssociationExists(string text, string user, string account)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|')
                && Field(line, 1).Equals(account, StringComparison.OrdinalIgnoreCase)
                && Field(line, 2).Equals(user, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any row of the default <c>show association</c> format has a user (field 2).</summary>
    public static bool ParseHasUsers(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|') && !Field(line, 2).Trim().IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Users of an account from <c>list associations format=account,user</c>: rows of the account (ignoring
    /// case) with a user, each user once, in first-seen order.
    /// </summary>
    /// <remarks>Partition-scoped associations print one row per partition; the reference keeps the duplicates.</remarks>
    public static IReadOnlyList<string> ParseAccountUsers(string text, string account)
    {
        var users = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.Contains('|') || !Field(line, 0).Equals(account, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var user = Field(line, 1).Trim();
            if (!user.IsEmpty && seen.Add(user.ToString()))
            {
                users.Add(user.ToString());
            }
        }

        return users;
    }

    /// <summary>
    /// The parent of an account from <c>show assoc account=A format=Account,ParentName,User</c>: the row of
    /// the account (ignoring case) with an empty user; null when there is none or its parent is empty (root).
    /// </summary>
    public static string? ParseParent(string text, string account)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|') && Field(line, 0).Equals(account, StringComparison.OrdinalIgnoreCase) && Field(line, 2).IsEmpty)
            {
                var parent = Field(line, 1);
                return parent.IsEmpty ? null : parent.ToString();
            }
        }

        return null;
    }

    /// <summary>Accounts whose account-level association names <paramref name="parent"/> as parent (ignoring case), from <c>format=Account,ParentName,User</c> rows.</summary>
    public static IReadOnlyList<string> ParseChildren(string text, string parent)
    {
        var children = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|') && Field(line, 1).Equals(parent, StringComparison.OrdinalIgnoreCase) && Field(line, 2).IsEmpty)
            {
                children.Add(Field(line, 0).ToString());
            }
        }

        return children;
    }

    /// <summary>
    /// An account's place in the tree from <c>show association where account=A withsubaccounts
    /// format=Account,ParentName,User</c>: the parent of its account-level row and the accounts whose
    /// account-level rows name it as parent (all ignoring case); null when the account has no row.
    /// </summary>
    public static AccountPlacement? ParsePlacement(string text, string account)
    {
        string? parent = null;
        var found = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|') && Field(line, 0).Equals(account, StringComparison.OrdinalIgnoreCase) && Field(line, 2).IsEmpty)
            {
                found = true;
                var name = Field(line, 1);
                parent = name.IsEmpty ? null : name.ToString();
                break;
            }
        }

        return found ? new AccountPlacement(account, parent, ParseChildren(text, account)) : null;
    }

    /// <summary>
    /// The account-level settings from <c>show association where account=A format=Account,User,Partition,
    /// Fairshare,GrpTRES,GrpTRESMins,MaxTRES,MaxTRESMins,QOS,DefaultQOS</c>; null when the account has no
    /// account-level row.
    /// </summary>
    /// <remarks>
    /// Replaces the reference's <c>list account format=…</c> reads, which print association columns empty
    /// without <c>WithAssoc</c> (fairshare always 0, no limits). <c>Fairshare</c> prints <c>parent</c> for
    /// <c>Share=parent</c>; that reads as 0, as the REST client does.
    /// </remarks>
    public static AssociationSettings? ParseAssociationSettings(string text, string account)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.Contains('|') || !Field(line, 0).Equals(account, StringComparison.OrdinalIgnoreCase)
                || !Field(line, 1).IsEmpty || !Field(line, 2).IsEmpty)
            {
                continue;
            }

            var share = Field(line, 3);
            var fairshare = long.TryParse(share, out var value) ? value : 0;
            return new AssociationSettings(
                Field(line, 0).ToString(),
                fairshare,
                ParseTresText(Field(line, 4)),
                ParseTresText(Field(line, 5)),
                ParseTresText(Field(line, 6)),
                ParseTresText(Field(line, 7)),
                ParseList(Field(line, 8)),
                Field(line, 9).ToString());
        }

        return null;
    }

    /// <summary>
    /// GrpTRESMins of <c>show association format=account,GrpTRESMins where accounts=A</c>: the first row
    /// with a non-empty map (the account-level row comes first in tree order).
    /// </summary>
    public static TresLimits ParseGrpTresMins(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.Contains('|'))
            {
                continue;
            }

            var limits = ParseTresLimits(Field(line, 1));
            if (limits.Values.Count > 0 || limits.Unparsed.Count > 0)
            {
                return limits;
            }
        }

        return new TresLimits(new Dictionary<string, long>(), []);
    }

    /// <summary>Per-user MaxTRESMins of <c>show association … format=Account,MaxTRESMins,User</c>: rows with a user.</summary>
    public static IReadOnlyDictionary<string, TresLimits> ParseUserMaxTresMins(string text)
    {
        var result = new Dictionary<string, TresLimits>(StringComparer.Ordinal);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var user = Field(line, 2).Trim();
            if (line.Contains('|') && !user.IsEmpty)
            {
                result[user.ToString()] = ParseTresLimits(Field(line, 1));
            }
        }

        return result;
    }

    /// <summary>True when <c>show qos Q</c> printed a record.</summary>
    public static bool ParseQosExists(string text) => text.Contains('|');

    /// <summary>Users' default accounts from <c>show user … format=User,DefaultAccount</c>.</summary>
    public static IReadOnlyList<SlurmUserDefault> ParseUserDefaults(string text)
    {
        var users = new List<SlurmUserDefault>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|'))
            {
                users.Add(new SlurmUserDefault(Field(line, 0).ToString(), Field(line, 1).ToString()));
            }
        }

        return users;
    }

    /// <summary>
    /// Classifies the answer of a sacctmgr write. The "nothing happened" answers exit 1;
    /// a QoS change that would leave associations without their default QoS is refused with exit 0.
    /// </summary>
    public static SacctmgrOutcome ClassifyWrite(int exitCode, string text)
    {
        if (exitCode == 0)
        {
            return text.Contains("don't have access to their default qos", StringComparison.OrdinalIgnoreCase)
                ? SacctmgrOutcome.DefaultQosConflict
                : SacctmgrOutcome.Success;
        }

        if (text.Contains("Nothing modified", StringComparison.Ordinal))
        {
            return SacctmgrOutcome.NothingModified;
        }

        if (text.Contains("Nothing new added", StringComparison.Ordinal))
        {
            return SacctmgrOutcome.NothingAdded;
        }

        if (text.Contains("Nothing deleted", StringComparison.Ordinal))
        {
            return SacctmgrOutcome.NothingDeleted;
        }

        return text.Contains("Job(s) active", StringComparison.Ordinal) ? SacctmgrOutcome.JobsActive : SacctmgrOutcome.Failed;
    }

    /// <summary>
    /// True when sacctmgr refused an account because its parent does not exist
    /// (<c>Parent account 'x' doesn't exist on cluster c</c> for add, <c>Parent Account x doesn't exist.</c> for modify).
    /// </summary>
    public static bool IsParentMissing(string text) =>
        text.Contains("Parent account", StringComparison.OrdinalIgnoreCase) && text.Contains("doesn't exist", StringComparison.Ordinal);

    private static IReadOnlyList<string> ParseList(ReadOnlySpan<char> text)
    {
        var items = new List<string>();
        foreach (var range in text.Split(','))
        {
            var item = text[range].Trim();
            if (!item.IsEmpty)
            {
                items.Add(item.ToString());
            }
        }

        return items;
    }
}
