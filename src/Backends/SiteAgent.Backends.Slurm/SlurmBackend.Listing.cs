using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>The cluster's accounts as importable resources (reads only).</summary>
/// <remarks>
/// An account's parent id is its <c>organization</c>, the field the agent fills with the project account
/// id when it creates an allocation; an account without one falls back to its parent in the tree.
/// Customer and project accounts carry their own id as organization: they are containers, not
/// resources, and are left out (the reference listed them, so a project account could be imported as
/// an allocation of its own project). Account records without an association on this cluster are not
/// resources here and are left out too. Two reads in all: the account records and one association
/// listing of the named accounts, which also gives the limits.
/// </remarks>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<BackendResourceInfo>> ListResourcesAsync(CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, SlurmAccount>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in await Client.ListAccountsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                records.TryAdd(SlurmNames.Account(record.Name, "listed account"), record);
            }
            catch (UnsafeValueException e)
            {
                SlurmLog.ListedAccountSkipped(_logger, SlurmNames.Quote(record.Name), e.Message);
            }
        }

        var associations = records.Count == 0
            ? new Dictionary<string, AccountAssociations>()
            : await Client.ReadAssociationsAsync(records.Keys.ToArray(), cancellationToken).ConfigureAwait(false);
        var resources = new List<BackendResourceInfo>();
        foreach (var (account, record) in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!associations.TryGetValue(account, out var association))
            {
                continue;
            }

            var parent = ParentOf(record, association);
            if (string.Equals(parent, account, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var tres in association.GrpTresMins.Unparsed)
            {
                SlurmLog.UnparsedLimit(_logger, tres, account);
            }

            resources.Add(new BackendResourceInfo { BackendId = account, ParentId = parent, Limits = _limits.ToWaldur(association.GrpTresMins.Values) });
        }

        SlurmLog.ResourcesListed(_logger, resources.Count, records.Count, ClusterLabel);
        return resources;
    }

    private static string ParentOf(SlurmAccount record, AccountAssociations association) =>
        (record.Organization.Trim().Length > 0 ? record.Organization.Trim() : association.Parent).ToLowerInvariant();
}
