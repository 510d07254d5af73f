using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

/// <summary>Account reads and writes.</summary>
public sealed partial class SlurmClient
{
    /// <summary>Every account record (global, not per cluster).</summary>
    public async Task<IReadOnlyList<SlurmAccount>> ListAccountsAsync(CancellationToken cancellationToken) =>
        SlurmParser.ParseAccounts(await ReadAsync(Sacctmgr(CommandEffect.Read, ["list", "account", .. Cluster]), cancellationToken).ConfigureAwait(false));

    /// <summary>One account record (description, organization), or null. Says nothing about this cluster: see <see cref="AccountExistsAsync"/>.</summary>
    public async Task<SlurmAccount?> GetAccountRecordAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(Sacctmgr(CommandEffect.Read, ["show", "account", account, .. Cluster]), cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseAccount(text, account);
    }

    /// <summary>
    /// Whether the account has its account-level association on the configured cluster — the existence
    /// check for everything, because account records outlive a cluster-scoped removal.
    /// </summary>
    public async Task<bool> AccountExistsAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            Sacctmgr(CommandEffect.Read, ["show", "association", "where", $"account={account}", .. Cluster, "format=Account,User,Partition"]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseAccountAssociationExists(text, account);
    }

    /// <summary>TRES names known to the slurmdbd (<c>cpu</c>, <c>mem</c>, <c>gres/gpu</c>…); never scoped.</summary>
    public async Task<IReadOnlyList<string>> ListTresAsync(CancellationToken cancellationToken) =>
        SlurmParser.ParseTres(await ReadAsync(Sacctmgr(CommandEffect.Read, "list", "tres"), cancellationToken).ConfigureAwait(false));

    /// <summary>Cluster names in the accounting database; never scoped.</summary>
    public async Task<IReadOnlyList<string>> ListClustersAsync(CancellationToken cancellationToken) =>
        SlurmParser.ParseClusters(await ReadAsync(Sacctmgr(CommandEffect.Read, "list", "cluster", "format=cluster"), cancellationToken).ConfigureAwait(false));

    /// <summary>GrpTRESMins of the account-level association in SLURM units (mem in MB). Read without <c>--immediate</c>, as captured.</summary>
    public async Task<TresLimits> GetGrpTresMinsAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            SacctmgrReadOnly(["show", "association", "format=account,GrpTRESMins", "where", $"accounts={account}", .. Cluster]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseGrpTresMins(text);
    }

    /// <summary>Per-user MaxTRESMins of the account's user associations, in SLURM units.</summary>
    public async Task<IReadOnlyDictionary<string, TresLimits>> GetUserMaxTresMinsAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            SacctmgrReadOnly(["show", "association", "where", $"accounts={account}", "format=Account,MaxTRESMins,User", .. Cluster]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseUserMaxTresMins(text);
    }

    /// <summary>The parent of the account's association on this cluster; null for none (root) or no association.</summary>
    public async Task<string?> GetParentAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            Sacctmgr(CommandEffect.Read, ["show", "assoc", $"account={account}", "format=Account,ParentName,User", "-n", "-P", .. Cluster]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseParent(text, account);
    }

    /// <summary>Accounts directly under <paramref name="parent"/> on this cluster (the tree, not the organization field).</summary>
    public async Task<IReadOnlyList<string>> ListChildAccountsAsync(string parent, CancellationToken cancellationToken) =>
        (await GetPlacementAsync(parent, cancellationToken).ConfigureAwait(false))?.Children ?? [];

    /// <summary>
    /// Where the account sits in the tree on this cluster — its parent and the accounts directly under it —
    /// in one read; null when the account has no association here.
    /// </summary>
    public async Task<AccountPlacement?> GetPlacementAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            Sacctmgr(CommandEffect.Read, ["show", "association", "where", $"account={account}", "withsubaccounts", .. Cluster, "format=Account,ParentName,User"]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParsePlacement(text, account);
    }

    /// <summary>
    /// Fairshare, limits and QoS of the account-level association; null when the account has none on
    /// this cluster. Replaces separate reads of those columns, which come back empty on a real cluster.
    /// </summary>
    public async Task<AssociationSettings?> GetAssociationSettingsAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            Sacctmgr(CommandEffect.Read,
            [
                "show", "association", "where", $"account={account}", .. Cluster,
                "format=Account,User,Partition,Fairshare,GrpTRES,GrpTRESMins,MaxTRES,MaxTRESMins,QOS,DefaultQOS",
            ]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseAssociationSettings(text, account);
    }

    /// <summary>
    /// Creates the account record (if new) and its association on this cluster. Returns false when
    /// the association already existed (<c>Nothing new added.</c>).
    /// </summary>
    /// <param name="account">New account name (validated by the caller for length).</param>
    /// <param name="description">Free text; sanitised here and passed as one element.</param>
    /// <param name="organization">An account id.</param>
    /// <param name="parent">Parent account; null for SLURM's default (root).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<bool> CreateAccountAsync(string account, string description, string organization, string? parent, CancellationToken cancellationToken) =>
        await AddAccountAsync(account, description, organization, parent, parentMayBeMissing: false, cancellationToken).ConfigureAwait(false)
            == AccountCreation.Created;

    /// <summary>
    /// Creates the account as <see cref="CreateAccountAsync"/> does, but a parent without an association on this cluster is an
    /// answer (<see cref="AccountCreation.ParentMissing"/>) instead of an error: for a caller that then makes it.
    /// </summary>
    public Task<AccountCreation> TryCreateAccountAsync(string account, string description, string organization, string parent, CancellationToken cancellationToken) =>
        AddAccountAsync(account, description, organization, parent, parentMayBeMissing: true, cancellationToken);

    private async Task<AccountCreation> AddAccountAsync(
        string account, string description, string organization, string? parent, bool parentMayBeMissing, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        SlurmNames.Account(organization, "organization");
        string[] parentToken = parent is null ? [] : [$"parent=\"{SlurmNames.Account(parent, "parent account")}\""];
        var command = Sacctmgr(CommandEffect.Write,
        [
            "add", "account", account,
            $"description=\"{SlurmNames.Description(description)}\"",
            $"organization=\"{organization}\"",
            .. parentToken,
            .. Cluster,
        ]);
        var (outcome, output) = await WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            SacctmgrOutcome.Success => AccountCreation.Created,
            SacctmgrOutcome.NothingAdded => AccountCreation.Existed,
            _ when parentMayBeMissing && SlurmParser.IsParentMissing(output) => AccountCreation.ParentMissing,
            _ => throw Failure(command, output),
        };
    }

    /// <summary>
    /// Removes the account's associations on this cluster (the whole account when no cluster is
    /// set). Returns false when there was nothing to delete. Refused by SLURM while jobs are active.
    /// </summary>
    public async Task<bool> RemoveAccountAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var command = Sacctmgr(CommandEffect.Write, ["remove", "account", "where", $"name={account}", .. Cluster]);
        var (outcome, output) = await WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            SacctmgrOutcome.Success => true,
            SacctmgrOutcome.NothingDeleted => false,
            SacctmgrOutcome.JobsActive => throw new BackendException(
                $"Cannot remove SLURM account {account}: jobs are still active in it ({Flatten(output)}); they were cancelled and the removal is retried on the next attempt"),
            _ => throw Failure(command, output),
        };
    }

    /// <summary>Sets GrpTRESMins (SLURM units); unmentioned TRES keep their limit, -1 clears one. Keys are sorted ordinally.</summary>
    public Task SetGrpTresMinsAsync(string account, IReadOnlyDictionary<string, long> limits, CancellationToken cancellationToken) =>
        ModifyAccountAsync(account, ["set", $"GrpTRESMins={TresList(limits)}"], cancellationToken);

    /// <summary>Moves the account under <paramref name="parent"/>; the current parent is a no-op.</summary>
    public Task SetParentAsync(string account, string parent, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        SlurmNames.Account(parent, "parent account");
        return ModifyAsync(account, Sacctmgr(CommandEffect.Write, ["modify", "account", "where", $"name={account}", .. Cluster, "set", $"parent={parent}"]), cancellationToken);
    }

    /// <summary>GrpSubmitJobs on the account-level association (0 pauses submission, -1 clears).</summary>
    public Task SetGrpSubmitJobsAsync(string account, long value, CancellationToken cancellationToken) =>
        ModifyAccountAsync(account, ["set", $"GrpSubmitJobs={value}"], cancellationToken);

    /// <summary>Raw fairshare of the account-level association.</summary>
    public Task SetFairshareAsync(string account, long value, CancellationToken cancellationToken) =>
        ModifyAccountAsync(account, ["set", $"fairshare={value}"], cancellationToken);

    /// <summary>Resets the account's raw usage (always writes).</summary>
    public Task ResetRawUsageAsync(string account, CancellationToken cancellationToken) =>
        ModifyAccountAsync(account, ["set", "RawUsage=0"], cancellationToken);

    /// <summary><c>modify account A [C] set …</c> with the "Nothing modified" rule.</summary>
    private Task ModifyAccountAsync(string account, string[] setClause, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        return ModifyAsync(account, Sacctmgr(CommandEffect.Write, ["modify", "account", account, .. Cluster, .. setClause]), cancellationToken);
    }

    /// <summary>
    /// Runs a modify of <paramref name="account"/>. <c>Nothing modified</c> (exit 1) is success only when
    /// the account's association exists, checked right then.
    /// </summary>
    /// <remarks>
    /// sacctmgr answers a modify of an account that does not exist exactly like a modify that changes
    /// nothing (<c>Nothing modified</c>, exit 1), so the reference reports limits or QoS set on a vanished
    /// account as done. Setting a value to its current value is not a no-op for
    /// SLURM (<c>Modified account associations...</c>, exit 0), so this lookup is rare.
    /// </remarks>
    private async Task ModifyAsync(string account, CommandSpec command, CancellationToken cancellationToken)
    {
        var (outcome, output) = await WriteAsync(command, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case SacctmgrOutcome.Success:
                return;
            case SacctmgrOutcome.NothingModified when await AccountExistsAsync(account, cancellationToken).ConfigureAwait(false):
                return;
            case SacctmgrOutcome.NothingModified:
                throw new BackendException($"SLURM account {account} does not exist on cluster {ClusterLabel}");
            case SacctmgrOutcome.DefaultQosConflict:
                throw new BackendException(
                    $"SLURM refused to change the QoS of account {account}: its associations would lose access to their default QoS ({Flatten(output)})");
            default:
                throw Failure(command, output);
        }
    }

    /// <summary><c>k1=v1,k2=v2</c> with keys in ordinal order and TRES names validated.</summary>
    private static string TresList(IReadOnlyDictionary<string, long> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one TRES value is needed", nameof(values));
        }

        return string.Join(',', values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{SlurmNames.Tres(p.Key)}={p.Value}"));
    }
}
