using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>Which account ids a resource uses: its allocation, project and customer accounts.</summary>
/// <remarks>
/// Generated ids longer than 42 characters are shortened (<see cref="SlurmNames.Shorten"/>). A customer or
/// project account made by the reference agent, which did not shorten, is adopted under its full name:
/// it is looked up first, so a site that switches agents keeps its tree. slurmdbd finds a long account by
/// its full name only, so that lookup cannot mistake another long account that shares 42 characters.
/// </remarks>
public sealed partial class SlurmBackend
{
    // Full generated customer/project id → the id in use (itself, adopted, or shortened); one lookup per instance (cycle).
    private readonly Dictionary<string, string> _parentIds = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>Validated and lower-cased; longer than 42 characters → shortened. Allocation ids are never adopted at full length: a resource the reference created already has its id in Waldur.</remarks>
    public string BackendIdFor(string candidate) => SlurmNames.NewAccount(candidate, "resource backend_id");

    /// <summary>Customer (null in flat mode) and project account ids of a resource; both are validated before any lookup.</summary>
    /// <param name="resource">The resource (customer slug).</param>
    /// <param name="projectSlug">The project slug (an order's may differ from the resource's).</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    private async Task<(string? Customer, string Project)> ParentIdsAsync(ResourceRequest resource, string projectSlug, CancellationToken cancellationToken)
    {
        var (customer, project) = GeneratedParentIds(resource, projectSlug);
        return (customer is null ? null : await ParentIdAsync(customer, cancellationToken).ConfigureAwait(false),
            await ParentIdAsync(project, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The full generated customer (null in flat mode) and project ids, validated, not yet resolved.</summary>
    private (string? Customer, string Project) GeneratedParentIds(ResourceRequest resource, string projectSlug)
    {
        var project = SlurmNames.GeneratedAccount(_context.Common.ProjectPrefix + projectSlug, "project account id");
        var customer = _options.ParentAccount is null
            ? SlurmNames.GeneratedAccount(_context.Common.CustomerPrefix + resource.CustomerSlug, "customer account id")
            : null;
        return (customer, project);
    }

    /// <summary>The project account id of a project slug.</summary>
    private Task<string> ProjectIdAsync(string projectSlug, CancellationToken cancellationToken) =>
        ParentIdAsync(SlurmNames.GeneratedAccount(_context.Common.ProjectPrefix + projectSlug, "project account id"), cancellationToken);

    /// <summary>The id in use for a full generated customer/project id: itself up to 42 characters, else the full-length account when it exists, else the shortened id.</summary>
    private async Task<string> ParentIdAsync(string full, CancellationToken cancellationToken)
    {
        if (full.Length <= SlurmNames.MaxNewAccountLength)
        {
            return full;
        }

        if (_parentIds.TryGetValue(full, out var known))
        {
            return known;
        }

        string id;
        if (full.Length <= SlurmNames.MaxAccountLength && await Client.AccountExistsAsync(full, cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.LongAccountAdopted(_logger, full);
            _knownParents.Add(full);
            id = full;
        }
        else
        {
            id = SlurmNames.Shorten(full);
        }

        _parentIds[full] = id;
        return id;
    }

    /// <summary>Forgets what this instance knew about a customer or project account that it removed.</summary>
    private void ForgetParent(string id)
    {
        _knownParents.Remove(id);
        foreach (var full in _parentIds.Where(p => p.Value == id).Select(p => p.Key).ToList())
        {
            _parentIds.Remove(full);
        }
    }
}
