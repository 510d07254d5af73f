using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>Pause, downscale, restore and metadata and per-allocation QoS.</summary>
/// <remarks>
/// QoS lists are compared as sets: SLURM prints them sorted (<c>hpc_alloc-1,normal</c>). A swap of the
/// QoS list also sets <c>defaultqos</c> in the same command whenever the account's current default QoS
/// is not in the new list: otherwise SLURM refuses the swap with exit 0 (<c>These associations don't
/// have access to their default qos</c>) and a "paused" account keeps running.
/// </remarks>
public sealed partial class SlurmBackend
{
    private readonly Dictionary<string, string> _lastQos = new(StringComparer.Ordinal);

    /// <summary>True when per-association QoS grants are enforced: pause then uses GrpSubmitJobs instead of a QoS swap.</summary>
    private bool QosEnforced => _options.QosEnforcementEnabled && (_options.EnforceOfferingQos ?? SlurmOfferingFacts.EnforcesQos(_context.Offering));

    /// <inheritdoc />
    public Task<bool> PauseResourceAsync(ResourceRequest resource, CancellationToken cancellationToken) =>
        LimitAsync(resource, _options.QosPaused, "pause", "qos_paused", cancellationToken);

    /// <inheritdoc />
    public Task<bool> DownscaleResourceAsync(ResourceRequest resource, CancellationToken cancellationToken) =>
        LimitAsync(resource, _options.QosDownscaled, "downscale", "qos_downscaled", cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RestoreResourceAsync(ResourceRequest resource, CancellationToken cancellationToken)
    {
        var account = await RequireOwnedAsync(resource, "restore", cancellationToken).ConfigureAwait(false);
        if (QosEnforced)
        {
            return await SetGrpSubmitJobsAsync(account, -1, "restoring", cancellationToken).ConfigureAwait(false);
        }

        var (target, defaultQos) = RestoredQos(account);
        return await SwapQosAsync(account, target, defaultQos, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string?> DescribeStatusDriftAsync(string backendId, bool paused, bool downscaled, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(backendId, "resource backend_id");
        var (state, wanted) = paused ? ("paused", _options.QosPaused) : downscaled ? ("downscaled", _options.QosDownscaled) : ("active", null);
        if (QosEnforced || ((paused || downscaled) && string.IsNullOrEmpty(wanted)))
        {
            // Pausing by GrpSubmitJobs, or no QoS configured for the state: the QoS says nothing about it.
            return null;
        }

        IReadOnlyList<string> target = wanted is null ? RestoredQos(account).Target : [wanted];
        var (qos, _) = await CurrentQosAsync(account, cancellationToken).ConfigureAwait(false);
        return qos.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(target)
            ? null
            : $"QoS is {(qos.Count == 0 ? "(none)" : string.Join(',', qos.Order(StringComparer.Ordinal)))}; the resource is {state}, which wants {string.Join(',', target.Order(StringComparer.Ordinal))}";
    }

    /// <summary>
    /// The QoS list of an account in its normal state and its default QoS. With qos_management the
    /// account's own QoS (its default) and the additional ones belong to it; qos_default alone would strip them.
    /// </summary>
    private (IReadOnlyList<string> Target, string DefaultQos) RestoredQos(string account)
    {
        var target = new List<string> { _options.QosDefault };
        var defaultQos = _options.QosDefault;
        if (_options.QosManagement.Enabled)
        {
            target.Add(account);
            target.AddRange(_options.QosManagement.AdditionalQos);
            defaultQos = account;
        }

        return (target.Distinct(StringComparer.Ordinal).ToArray(), defaultQos);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> GetResourceMetadataAsync(string backendId, CancellationToken cancellationToken)
    {
        var account = SlurmNames.Account(backendId, "resource backend_id");
        if (_lastQos.Remove(account, out var cached))
        {
            return new Dictionary<string, string> { ["qos"] = cached };
        }

        if (InView(account))
        {
            return new Dictionary<string, string> { ["qos"] = Viewed(account) is { } viewed ? string.Join(',', viewed.Qos) : string.Empty };
        }

        var settings = await Client.GetAssociationSettingsAsync(account, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, string> { ["qos"] = settings is null ? string.Empty : string.Join(',', settings.Qos) };
    }

    private async Task<bool> LimitAsync(ResourceRequest resource, string? qos, string operation, string setting, CancellationToken cancellationToken)
    {
        var account = await RequireOwnedAsync(resource, operation, cancellationToken).ConfigureAwait(false);
        if (QosEnforced)
        {
            await SetGrpSubmitJobsAsync(account, 0, operation + "ing", cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (string.IsNullOrEmpty(qos))
        {
            SlurmLog.StatusNotConfigured(_logger, operation, account, setting);
            return false;
        }

        await SwapQosAsync(account, [qos], qos, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Sets the account-level QoS list to <paramref name="target"/> unless it already is; false when nothing changed.</summary>
    private async Task<bool> SwapQosAsync(string account, IReadOnlyList<string> target, string defaultQos, CancellationToken cancellationToken)
    {
        var (qos, currentDefault) = await CurrentQosAsync(account, cancellationToken).ConfigureAwait(false);
        // Sorted as SLURM prints the list, so the metadata reported to Waldur reads the same every cycle.
        var joined = string.Join(',', target.Order(StringComparer.Ordinal));
        if (qos.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(target))
        {
            SlurmLog.QosUnchanged(_logger, account, joined);
            _lastQos[account] = joined;
            return false;
        }

        var needsDefault = currentDefault.Length > 0 && !target.Contains(currentDefault, StringComparer.OrdinalIgnoreCase);
        var newDefault = needsDefault ? defaultQos : null;
        await RestrictingWriteAsync(account, "changing the QoS of", async () =>
        {
            await Client.SetAccountQosAsync(account, target, newDefault, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        SlurmLog.QosChanged(_logger, account, joined);
        _lastQos[account] = joined;
        UpdateView(account, view => view with { Qos = target.Order(StringComparer.Ordinal).ToArray(), DefaultQos = newDefault ?? view.DefaultQos });
        return true;
    }

    /// <summary>The account-level QoS list and default QoS: from the cycle's view, else one settings read.</summary>
    private async Task<(IReadOnlyList<string> Qos, string DefaultQos)> CurrentQosAsync(string account, CancellationToken cancellationToken)
    {
        if (InView(account))
        {
            var viewed = Viewed(account) ?? throw new BackendException($"SLURM account {account} does not exist on cluster {ClusterLabel}");
            return (viewed.Qos, viewed.DefaultQos);
        }

        var settings = await Client.GetAssociationSettingsAsync(account, cancellationToken).ConfigureAwait(false)
            ?? throw new BackendException($"SLURM account {account} does not exist on cluster {ClusterLabel}");
        return (settings.Qos, settings.DefaultQos);
    }

    /// <summary>
    /// Sets the account's GrpSubmitJobs (the pause lever under QoS enforcement) unless the cycle's view shows the value already set;
    /// false when nothing changed. Unset and -1 both mean "no limit".
    /// </summary>
    private async Task<bool> SetGrpSubmitJobsAsync(string account, long value, string operation, CancellationToken cancellationToken)
    {
        if (InView(account) && Viewed(account) is { } viewed && (viewed.GrpSubmitJobs ?? -1) == value)
        {
            return false;
        }

        await RestrictingWriteAsync(account, operation, async () =>
        {
            await Client.SetGrpSubmitJobsAsync(account, value, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        UpdateView(account, view => view with { GrpSubmitJobs = value });
        return true;
    }

    /// <summary>Creates the per-allocation QoS named like the account and makes it the account's QoS and default.</summary>
    private async Task EnsureAllocationQosAsync(string account, CancellationToken cancellationToken)
    {
        var options = _options.QosManagement;
        var qos = SlurmNames.Qos(account);
        if (!await Client.QosExistsAsync(qos, cancellationToken).ConfigureAwait(false))
        {
            await Client.CreateQosAsync(qos, new QosSpec(options.Flags, options.GrpTres, options.MaxJobs, options.MaxSubmit, options.MaxWall, options.MinTresPerJob), cancellationToken).ConfigureAwait(false);
            SlurmLog.QosCreated(_logger, qos, account);
        }

        await Client.AppendAccountQosAsync(account, qos, cancellationToken).ConfigureAwait(false);
        await Client.SetAccountDefaultQosAsync(account, qos, cancellationToken).ConfigureAwait(false);
        foreach (var extra in options.AdditionalQos)
        {
            await Client.AppendAccountQosAsync(account, extra, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RemoveAllocationQosAsync(string account, CancellationToken cancellationToken)
    {
        try
        {
            var qos = SlurmNames.Qos(account);
            if (await Client.QosExistsAsync(qos, cancellationToken).ConfigureAwait(false))
            {
                await Client.RemoveQosAsync(qos, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BackendException e)
        {
            SlurmLog.QosRemovalFailed(_logger, account, e.Message);
        }
    }
}
