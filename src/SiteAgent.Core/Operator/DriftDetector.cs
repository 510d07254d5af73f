using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Operator;

/// <summary>What one offering's drift read found, with the resources and backend users it was computed from.</summary>
public sealed record OfferingDrift(IReadOnlyList<DriftFinding> Findings, IReadOnlyList<Resource> Resources, IReadOnlyDictionary<string, IReadOnlySet<string>> Membership);

/// <summary>
/// Reads one offering's resources from Waldur and their accounts from the backend and lists every
/// difference. Reads only: the team is compared as the membership sync would, without its writes.
/// </summary>
public sealed class DriftDetector(OfferingSession session, Action<int, int>? progress = null)
{
    /// <summary>Compare only the resource whose backend id is this (the <c>diagnose-account</c> command); null for all.</summary>
    public string? OnlyAccount { get; init; }

    private static readonly string[] LiveStates = [ResourceState.Ok, ResourceState.Erred, ResourceState.Creating, ResourceState.Updating, ResourceState.Terminating];

    /// <summary>Compares the offering's resources with the backend.</summary>
    public async Task<OfferingDrift> DetectAsync(CancellationToken cancellationToken)
    {
        var backend = session.Backend as IMembershipBackend
            ?? throw new SiteAgent.Backends.BackendException($"Backend \"{session.Descriptor.Id}\" of offering \"{session.Name}\" cannot read memberships (membership_sync_backend)");
        var all = (await session.Waldur.ListProviderResources(new ResourceListQuery
            {
                OfferingUuids = [session.Offering.OfferingUuid],
                States = LiveStates,
                BackendId = OnlyAccount,
                Fields = MembershipCycle.ResourceFields,
            }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => !string.IsNullOrWhiteSpace(r.BackendId)).ToList();
        var synced = all.Where(r => MembershipCycle.SyncedStates.Contains(r.State, StringComparer.Ordinal)).ToList();
        var membership = synced.Count == 0
            ? new Dictionary<string, IReadOnlySet<string>>()
            : await backend.ReadMembershipAsync(synced.Select(r => r.BackendId!).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false);
        var findings = new List<DriftFinding>();
        var sources = new MembershipSources(session, session.Waldur, []);
        for (var i = 0; i < synced.Count; i++)
        {
            progress?.Invoke(i, synced.Count);
            await CompareAsync(findings, synced[i], membership.GetValueOrDefault(synced[i].BackendId!), sources, cancellationToken).ConfigureAwait(false);
        }

        progress?.Invoke(synced.Count, synced.Count);
        await FindUnownedAsync(findings, all, cancellationToken).ConfigureAwait(false);
        return new OfferingDrift(findings, synced, membership);
    }

    private async Task CompareAsync(List<DriftFinding> findings, Resource resource, IReadOnlySet<string>? users, MembershipSources sources, CancellationToken cancellationToken)
    {
        var account = resource.BackendId!;
        DriftFinding Finding(string kind, string subject, string waldur, string backend) => new(session.Name, kind, account, subject, waldur, backend, resource.Uuid);
        if (users is null)
        {
            findings.Add(Finding(DriftKinds.MissingAccount, string.Empty, $"resource {resource.Name} ({resource.State})", "no account"));
            return;
        }

        var request = resource.ToRequest();
        if (session.Backend is ILimitReadingBackend reader)
        {
            var actual = await reader.GetResourceLimitsAsync(account, cancellationToken).ConfigureAwait(false);
            foreach (var component in session.BackendContext.Components.Where(c => c.AccountingType != AccountingType.Usage))
            {
                var wanted = (resource.Limits ?? new Dictionary<string, decimal>()).TryGetValue(component.Type, out var w) ? w : (decimal?)null;
                var has = actual.TryGetValue(component.Type, out var a) ? a : (decimal?)null;
                if (wanted is not null && wanted != has)
                {
                    findings.Add(Finding(DriftKinds.LimitMismatch, component.Type, Show(wanted), Show(has)));
                }
            }
        }

        ProjectAccounts? accounts = null;
        try
        {
            accounts = await sources.AccountsAsync(resource, cancellationToken).ConfigureAwait(false);
        }
        catch (SiteAgent.Waldur.WaldurException)
        {
            // Without the service and course account lists, users outside the team may be such accounts: not reported.
        }

        var team = await sources.TeamAsync(resource, cancellationToken).ConfigureAwait(false);
        var diff = TeamDiff.Compute(team, users, accounts?.Active ?? new HashSet<string>(), request.RestrictMemberAccess);
        findings.AddRange(diff.New.Select(u => Finding(DriftKinds.MissingUser, u, "team member", "no association")));
        if (accounts is not null)
        {
            findings.AddRange(diff.Stale.Select(u => Finding(DriftKinds.ExtraUser, u, request.RestrictMemberAccess ? "member access restricted" : "not in the team", "association")));
        }

        if (session.Backend is IResourceStatusBackend status
            && await status.DescribeStatusDriftAsync(account, request.Paused, request.Downscaled, cancellationToken).ConfigureAwait(false) is { } qos)
        {
            findings.Add(Finding(DriftKinds.QosState, string.Empty, request.Paused ? "paused" : request.Downscaled ? "downscaled" : "active", qos));
        }
    }

    /// <summary>Accounts with the allocation prefix that no live resource names; nothing without a prefix (every account could be the site's own).</summary>
    private async Task FindUnownedAsync(List<DriftFinding> findings, IReadOnlyList<Resource> resources, CancellationToken cancellationToken)
    {
        var prefix = session.Offering.CommonSettings.AllocationPrefix;
        if (prefix.Length == 0 || session.Backend is not IDiagnosticsBackend diagnostics
            || await diagnostics.ListManagedResourceIdsAsync(cancellationToken).ConfigureAwait(false) is not { } managed)
        {
            return;
        }

        var owned = resources.Select(r => r.BackendId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        findings.AddRange(managed.Where(a => a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !owned.Contains(a))
            .Where(a => OnlyAccount is null || string.Equals(a, OnlyAccount, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(a => new DriftFinding(session.Name, DriftKinds.UnownedAccount, a, string.Empty, "no resource", "account", null)));
    }

    private static string Show(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)";
}
