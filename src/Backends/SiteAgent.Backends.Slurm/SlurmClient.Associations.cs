using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

/// <summary>The association listing of many accounts at once (one read per membership cycle).</summary>
public sealed partial class SlurmClient
{
    /// <summary>
    /// Existence, parent, users, GrpTRESMins, per-user MaxTRESMins, GrpSubmitJobs and QoS of every given
    /// account on this cluster: <c>show association where account=A1,A2,… [C] format=…</c>, one command per
    /// <see cref="MaxListArgumentLength"/> of names. Accounts without an account-level association are absent.
    /// </summary>
    /// <remarks>
    /// It replaces, for a whole offering, the per-account reads of users, user limits, limits and QoS and the settings read that a
    /// per-resource sync would make: the number of commands no longer grows with the number of resources.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, AccountAssociations>> ReadAssociationsAsync(IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, AccountAssociations>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts)
        {
            SlurmNames.Account(account, "account");
        }

        foreach (var chunk in ListChunks(accounts.Distinct(StringComparer.OrdinalIgnoreCase).ToArray()))
        {
            var text = await ReadAsync(
                Sacctmgr(CommandEffect.Read, ["show", "association", "where", $"account={string.Join(',', chunk)}", .. Cluster, SlurmParser.AssociationsFormat]),
                cancellationToken).ConfigureAwait(false);
            foreach (var (name, associations) in SlurmParser.ParseAccountAssociations(text))
            {
                result[name] = associations;
            }
        }

        return result;
    }
}
