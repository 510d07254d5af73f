using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>Which account is a resource's own, checked before anything limits, empties or removes it.</summary>
/// <remarks>
/// A resource's backend_id can name an account that is not its own: with the same prefix at every level
/// a claimed id can equal the project account's, an id claimed for a creation that failed could later be
/// created for another resource, and old data can hold anything. Removing such an account removes its
/// whole sub-tree. So an account is the resource's own only when it is an allocation account (not this
/// resource's customer or project account, and nothing lives under it) whose parent is this resource's
/// project account. The core adds the Waldur half: no other resource of the offering holds the same id.
/// </remarks>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    public async Task<string?> WhyIdIsTakenAsync(ResourceRequest resource, string backendId, CancellationToken cancellationToken)
    {
        RequireSlugs(resource);
        var account = SlurmNames.Account(backendId, "resource backend_id");
        var (customer, project) = await ParentIdsAsync(resource, resource.ProjectSlug, cancellationToken).ConfigureAwait(false);
        if (account == project)
        {
            return $"it is the id of the project account of project {resource.ProjectSlug}";
        }

        if (account == customer)
        {
            return $"it is the id of the customer account of customer {resource.CustomerSlug}";
        }

        return await Client.AccountExistsAsync(account, cancellationToken).ConfigureAwait(false)
            ? $"SLURM account {account} already exists on cluster {ClusterLabel}"
            : null;
    }

    /// <inheritdoc />
    public async Task<Ownership> CheckOwnershipAsync(ResourceRequest resource, CancellationToken cancellationToken) =>
        (await CheckOwnershipAsync(resource, resource.ProjectSlug, cancellationToken).ConfigureAwait(false)).Ownership;

    /// <summary>
    /// The ownership of the resource's account, and the ids involved; a failed check is logged naming both
    /// sides. Both slugs are validated before the first read.
    /// </summary>
    /// <param name="resource">The resource; its backend id names the account.</param>
    /// <param name="projectSlug">The project the account must live under (an order's may differ from the resource's).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    private async Task<AccountOwnership> CheckOwnershipAsync(ResourceRequest resource, string projectSlug, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(resource.BackendId, "resource backend_id");
        if (string.IsNullOrWhiteSpace(projectSlug))
        {
            return NotOwned(resource, account, null, "the resource names no project, so the account cannot be checked against a project account");
        }

        var customer = _options.ParentAccount is null && !string.IsNullOrWhiteSpace(resource.CustomerSlug)
            ? SlurmNames.GeneratedAccount(_context.Common.CustomerPrefix + resource.CustomerSlug, "customer account id")
            : null;
        var project = await ProjectIdAsync(projectSlug, cancellationToken).ConfigureAwait(false);
        customer = customer is null ? null : await ParentIdAsync(customer, cancellationToken).ConfigureAwait(false);

        var placement = InView(account) ? ViewedPlacement(account) : await Client.GetPlacementAsync(account, cancellationToken).ConfigureAwait(false);
        if (placement is null)
        {
            return new AccountOwnership(Ownership.Absent, account, project);
        }

        if (account == project || account == customer)
        {
            return NotOwned(resource, account, project, $"it is the {(account == project ? "project" : "customer")} account of this resource, not an allocation account");
        }

        if (placement.Children.Count > 0)
        {
            return NotOwned(resource, account, project,
                $"accounts live under it ({string.Join(", ", placement.Children.Order(StringComparer.Ordinal))}), so it is a customer or project account, not an allocation account");
        }

        if (!string.Equals(placement.Parent, project, StringComparison.OrdinalIgnoreCase))
        {
            return NotOwned(resource, account, project, $"it lives under {placement.Parent ?? "no parent"}, not under this resource's project account {project}");
        }

        return new AccountOwnership(Ownership.Owned, account, project);
    }

    /// <summary>The account of a resource, for a write that limits or empties it: its own, or an exception and nothing written.</summary>
    /// <exception cref="NotOwnedException">The account is another's.</exception>
    /// <exception cref="BackendException">The account does not exist on the cluster.</exception>
    private async Task<string> RequireOwnedAsync(ResourceRequest resource, string operation, CancellationToken cancellationToken)
    {
        var check = await RequireNotAnothersAsync(resource, operation, cancellationToken).ConfigureAwait(false);
        return check.Ownership.State == OwnershipState.Owned
            ? check.Account
            : throw new BackendException($"SLURM account {check.Account} does not exist on cluster {ClusterLabel}");
    }

    /// <summary>The ownership of a resource's account, which is its own or absent; another's throws and nothing is written.</summary>
    /// <exception cref="NotOwnedException">The account is another's.</exception>
    private async Task<AccountOwnership> RequireNotAnothersAsync(ResourceRequest resource, string operation, CancellationToken cancellationToken)
    {
        var check = await CheckOwnershipAsync(resource, resource.ProjectSlug, cancellationToken).ConfigureAwait(false);
        return check.Ownership.State != OwnershipState.NotOwned
            ? check
            : throw new NotOwnedException(
                $"Not going to {operation} SLURM account {check.Account} for resource {resource.Name} ({resource.Uuid:N}): {check.Ownership.Reason}. " +
                "Nothing was changed; check which resource the account belongs to and correct the resource's backend_id in Waldur.");
    }

    /// <summary>
    /// The account's place in the tree as the membership cycle's view has it, so a cycle's ownership checks
    /// read nothing more: its parent from its own rows, its children among the other accounts viewed.
    /// </summary>
    /// <remarks>
    /// Children outside the view are not seen, but an account with children is refused anyway when it is this
    /// resource's customer or project account, and any other parent fails the project-account test.
    /// </remarks>
    private AccountPlacement? ViewedPlacement(string account) => Viewed(account) is { } viewed
        ? new AccountPlacement(account, viewed.Parent,
            _view!.Values.Where(a => string.Equals(a.Parent, account, StringComparison.OrdinalIgnoreCase)).Select(a => a.Account).ToList())
        : null;

    private AccountOwnership NotOwned(ResourceRequest resource, string account, string? project, string reason)
    {
        SlurmLog.AccountNotOwned(_logger, resource.Uuid, account, reason);
        return new AccountOwnership(Ownership.NotOwned($"SLURM account {account} is not this resource's own: {reason}"), account, project);
    }

    /// <summary>An ownership answer with the account and the resource's project account id (null when it has no project).</summary>
    private sealed record AccountOwnership(Ownership Ownership, string Account, string? Project);
}
