namespace SiteAgent.Backends.Slurm;

/// <summary>The association listing that serves a whole membership cycle (one read for many accounts).</summary>
public static partial class SlurmParser
{
    /// <summary>The <c>format=</c> of <see cref="ParseAccountAssociations"/>, in column order.</summary>
    public const string AssociationsFormat = "format=Account,ParentName,User,Partition,GrpTRESMins,MaxTRESMins,GrpSubmitJobs,QOS,DefaultQOS";

    /// <summary>
    /// Reads <c>show association where account=A1,A2,… format=Account,ParentName,User,Partition,GrpTRESMins,
    /// MaxTRESMins,GrpSubmitJobs,QOS,DefaultQOS</c> into one record per account that has its account-level
    /// row (empty user and partition), keyed by account name ignoring case.
    /// </summary>
    /// <remarks>
    /// A user with per-partition associations has one row per partition; the user is listed once and
    /// the limits of later rows win, as the per-user limit read does. User rows of an account without an
    /// account-level row (a half-removed account) are ignored: the account does not exist on the cluster.
    /// </remarks>
    public static IReadOnlyDictionary<string, AccountAssociations> ParseAccountAssociations(string text)
    {
        var accounts = new Dictionary<string, AccountAssociations>(StringComparer.OrdinalIgnoreCase);
        var users = new Dictionary<string, Dictionary<string, TresLimits>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (FieldCount(line) < 9)
            {
                continue;
            }

            var account = Field(line, 0).Trim().ToString();
            var user = Field(line, 2).Trim();
            if (!user.IsEmpty)
            {
                if (!users.TryGetValue(account, out var byUser))
                {
                    users[account] = byUser = new Dictionary<string, TresLimits>(StringComparer.Ordinal);
                }

                byUser[user.ToString()] = ParseTresLimits(Field(line, 5));
                continue;
            }

            if (!Field(line, 3).IsEmpty)
            {
                continue;
            }

            accounts[account] = new AccountAssociations(
                account,
                Field(line, 1).Trim().ToString(),
                ParseTresLimits(Field(line, 4)),
                long.TryParse(Field(line, 6), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var submit) ? submit : null,
                ParseList(Field(line, 7)),
                Field(line, 8).Trim().ToString(),
                new Dictionary<string, TresLimits>(StringComparer.Ordinal));
        }

        foreach (var (account, byUser) in users)
        {
            if (accounts.TryGetValue(account, out var found))
            {
                accounts[account] = found with { Users = byUser };
            }
        }

        return accounts;
    }
}
