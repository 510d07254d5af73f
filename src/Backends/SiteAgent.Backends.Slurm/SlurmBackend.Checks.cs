using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>The SLURM checks of the <c>diagnostics</c> command, one result per thing checked.</summary>
public sealed partial class SlurmBackend
{
    private static readonly string[] Programs = ["sacctmgr", "sacct", "scancel"];

    /// <inheritdoc />
    public async Task<IReadOnlyList<BackendCheck>> RunChecksAsync(CancellationToken cancellationToken)
    {
        var checks = new List<BackendCheck> { BinariesCheck() };
        IReadOnlyList<string> clusters;
        try
        {
            clusters = await Client.ListClustersAsync(cancellationToken).ConfigureAwait(false);
            var version = await Client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            checks.Add(BackendCheck.Ok("slurmdbd answering", $"{version.Trim()}; clusters: {string.Join(", ", clusters)}"));
        }
        catch (BackendException e)
        {
            checks.Add(BackendCheck.Fail("slurmdbd answering", $"sacctmgr could not read the accounting database: {e.Message}"));
            return checks;
        }

        checks.Add(ClusterCheck(clusters));
        IReadOnlyList<TreeAssociation> tree;
        try
        {
            tree = await Client.ReadAssociationTreeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BackendException e)
        {
            checks.Add(BackendCheck.Fail("association tree", await TreeReadFailureAsync(e, cancellationToken).ConfigureAwait(false)));
            return checks;
        }

        checks.Add(TreeCheck(tree));
        checks.Add(OwnedAccountsCheck(tree));
        checks.Add(AccountCheck("default account", _options.DefaultAccount, tree));
        return checks;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>?> ListManagedResourceIdsAsync(CancellationToken cancellationToken) =>
        AssociationTree.AccountsBelow(await Client.ReadAssociationTreeAsync(cancellationToken).ConfigureAwait(false), _options.ParentAccount ?? RootAccount);

    private BackendCheck BinariesCheck()
    {
        var missing = Programs.Where(p => Client.FindProgram(p) is null).ToList();
        var where = _options.SlurmBinPath.Length == 0 ? "PATH" : $"slurm_bin_path {_options.SlurmBinPath}";
        return missing.Count == 0
            ? BackendCheck.Ok("SLURM binaries", $"{string.Join(", ", Programs)} found in {where}")
            : BackendCheck.Fail("SLURM binaries", $"{string.Join(", ", missing)} not found or not executable in {where}; install the SLURM client tools or set slurm_bin_path");
    }

    private BackendCheck ClusterCheck(IReadOnlyList<string> clusters)
    {
        if (_options.ClusterName is not { } cluster)
        {
            return BackendCheck.Warn("cluster known", "cluster_name is not set: sacctmgr commands are not scoped to one cluster; set it to the offering's backend_id");
        }

        return clusters.Contains(cluster, StringComparer.OrdinalIgnoreCase)
            ? BackendCheck.Ok("cluster known", $"{cluster} is in the accounting database")
            : BackendCheck.Fail("cluster known", $"cluster_name {cluster} is not among the clusters of the accounting database ({string.Join(", ", clusters)}); fix cluster_name or register the cluster (sacctmgr add cluster)");
    }

    private static BackendCheck TreeCheck(IReadOnlyList<TreeAssociation> tree)
    {
        var orphans = AssociationTree.Orphans(tree);
        if (orphans.Count == 0)
        {
            return BackendCheck.Ok("association tree", $"{tree.Count} associations, every parent present");
        }

        var shown = string.Join("; ", orphans.Take(5).Select(o =>
            $"id {o.Id} (account {o.Account}{(o.User.Length > 0 ? ", user " + o.User : string.Empty)}) has missing parent id {o.ParentId}"));
        return BackendCheck.Fail("association tree",
            $"{orphans.Count} orphaned association(s): {shown}{(orphans.Count > 5 ? "; …" : string.Empty)}. slurmdbd cannot rebuild this tree when it restarts: " +
            "stop the agents, back up the database and remove or re-parent these associations before restarting slurmdbd");
    }

    /// <summary>Why the tree could not be read; says so when slurmdbd, which had just answered, stopped answering during the read.</summary>
    /// <remarks>
    /// slurmdbd 22.05 exits when it reads a tree in which an association's parent row is gone (not merely
    /// marked deleted), so the read that would name the orphan is the one that ends slurmdbd. A second,
    /// cheap read tells that case from a plain refusal.
    /// </remarks>
    private async Task<string> TreeReadFailureAsync(BackendException readFailure, CancellationToken cancellationToken)
    {
        try
        {
            await Client.ListClustersAsync(cancellationToken).ConfigureAwait(false);
            return $"could not read the associations: {readFailure.Message}";
        }
        catch (BackendException)
        {
            return $"slurmdbd answered, then stopped answering while it read the associations ({readFailure.Message}). slurmdbd 22.05 exits this way when " +
                $"an association's parent row is missing from {_options.ClusterName ?? "the cluster"}'s association table, and will again on every start: stop the agents, back up " +
                "the accounting database, remove or re-parent the orphaned associations, then start slurmdbd";
        }
    }

    private BackendCheck OwnedAccountsCheck(IReadOnlyList<TreeAssociation> tree)
    {
        var root = _options.ParentAccount ?? RootAccount;
        if (!tree.Any(a => a.User.Length == 0 && string.Equals(a.Account, root, StringComparison.Ordinal)))
        {
            return BackendCheck.Fail("owned accounts", $"the account {root} the agent creates accounts under does not exist on {ClusterLabel}; create it or fix the settings");
        }

        var owned = AssociationTree.AccountsBelow(tree, root);
        var prefixes = new[] { _context.Common.CustomerPrefix, _context.Common.ProjectPrefix, _context.Common.AllocationPrefix }
            .Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var prefixed = prefixes.Count == 0 ? owned.Count : owned.Count(a => prefixes.Any(p => a.StartsWith(p, StringComparison.Ordinal)));
        var scope = prefixes.Count == 0 ? string.Empty : $", {prefixed} with the agent's prefixes ({string.Join(", ", prefixes)})";
        return BackendCheck.Ok("owned accounts", $"{owned.Count} account(s) under {root}{scope}");
    }

    private BackendCheck AccountCheck(string label, string account, IReadOnlyList<TreeAssociation> tree)
    {
        if (account.Length == 0)
        {
            return BackendCheck.Ok(label, "not set");
        }

        return tree.Any(a => a.User.Length == 0 && string.Equals(a.Account, account, StringComparison.Ordinal))
            ? BackendCheck.Ok(label, $"{account} exists on {ClusterLabel}")
            : BackendCheck.Fail(label, $"{account} does not exist on {ClusterLabel}; create it (sacctmgr add account {account}) or change default_account");
    }
}
