namespace SiteAgent.Backends.Slurm;

/// <summary>Diagnostics for an administrator.</summary>
public sealed partial class SlurmBackend
{
    /// <inheritdoc />
    public async Task<bool> RunDiagnosticsAsync(CancellationToken cancellationToken)
    {
        var common = _context.Common;
        Setting("customer prefix", common.CustomerPrefix);
        Setting("project prefix", common.ProjectPrefix);
        Setting("allocation prefix", common.AllocationPrefix);
        Setting("default account", _options.DefaultAccount);
        Setting("root account", _options.ParentAccount is null ? RootAccount : $"(flat mode) parent_account={_options.ParentAccount}");
        Setting("components", string.Join(", ", _context.Components.Select(c => $"{c.Type} ({c.AccountingType.ToString().ToLowerInvariant()}, unit_factor {c.UnitFactor})")));
        Setting("execution mode", "cli");
        Setting("slurm_bin_path", _options.SlurmBinPath.Length == 0 ? "(PATH)" : _options.SlurmBinPath);
        Setting("cluster", ClusterLabel);

        var ok = true;
        ok &= await CheckAsync("SLURM version", async ct => await Client.GetVersionAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (!await Client.IsRealSlurmAsync(cancellationToken).ConfigureAwait(false))
        {
            SlurmLog.DiagnosticProblem(_logger, $"sacctmgr --version does not report SLURM: check slurm_bin_path ({_options.SlurmBinPath})");
        }

        var ping = await PingAsync(cancellationToken).ConfigureAwait(false);
        Setting("sacctmgr reachable", ping ? "yes" : "no");
        ok &= ping;

        ok &= await CheckAsync("clusters", async ct =>
        {
            var clusters = await Client.ListClustersAsync(ct).ConfigureAwait(false);
            if (_options.ClusterName is null)
            {
                SlurmLog.DiagnosticProblem(_logger, "cluster_name is not set: sacctmgr commands will not be scoped to a cluster");
            }
            else if (!clusters.Contains(_options.ClusterName, StringComparer.OrdinalIgnoreCase))
            {
                throw new BackendException($"cluster_name {_options.ClusterName} is not among the clusters of the accounting database ({string.Join(", ", clusters)})");
            }

            return string.Join(", ", clusters);
        }, cancellationToken).ConfigureAwait(false);
        ok &= await CheckAsync("TRES", async ct => string.Join(", ", await Client.ListTresAsync(ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        ok &= await CheckAccountAsync("default account", _options.DefaultAccount, cancellationToken).ConfigureAwait(false);
        ok &= await CheckAccountAsync("root account", _options.ParentAccount ?? RootAccount, cancellationToken).ConfigureAwait(false);

        SlurmLog.DiagnosticResult(_logger, ok ? "all checks passed" : "some checks failed");
        return ok;
    }

    private async Task<bool> CheckAccountAsync(string label, string account, CancellationToken cancellationToken) =>
        await CheckAsync(label, async ct => await Client.AccountExistsAsync(SlurmNames.Account(account, label), ct).ConfigureAwait(false)
            ? $"{account} exists on {ClusterLabel}"
            : throw new BackendException($"{label} {account} does not exist on cluster {ClusterLabel}"), cancellationToken).ConfigureAwait(false);

    private async Task<bool> CheckAsync(string label, Func<CancellationToken, Task<string>> check, CancellationToken cancellationToken)
    {
        try
        {
            Setting(label, await check(cancellationToken).ConfigureAwait(false));
            return true;
        }
        catch (BackendException e)
        {
            SlurmLog.DiagnosticProblem(_logger, $"{label}: {e.Message}");
            return false;
        }
    }

    private void Setting(string label, string value) => SlurmLog.DiagnosticSetting(_logger, label.PadRight(30), value);
}
