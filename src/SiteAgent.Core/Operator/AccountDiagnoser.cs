using System.Globalization;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Membership;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Core.WaldurAccess;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Operator;

/// <summary>One thing one side says about the account.</summary>
/// <param name="Offering">The offering it was read through.</param>
/// <param name="Source"><c>waldur</c> or the backend id (<c>slurm</c>).</param>
/// <param name="Field">What, e.g. <c>users</c>.</param>
/// <param name="Value">Its value.</param>
public sealed record AccountFact(string Offering, string Source, string Field, string Value);

/// <summary>What <c>diagnose-account</c> found: the facts of both sides and where they disagree.</summary>
public sealed record AccountDiagnosis(string Account, IReadOnlyList<AccountFact> Facts, IReadOnlyList<DriftFinding> Differences, IReadOnlyList<string> Errors);

/// <summary>
/// <c>diagnose-account ACCOUNT</c>: what Waldur and the backend each say about one backend account,
/// offering by offering, and the differences <c>drift</c> would report for it. Reads only.
/// </summary>
public sealed class AccountDiagnoser(AgentRuntime runtime)
{
    private readonly OfferingSessionFactory _sessions = new(runtime);

    /// <summary>Reads both sides of <paramref name="account"/>.</summary>
    public async Task<AccountDiagnosis> RunAsync(string account, CancellationToken cancellationToken)
    {
        var facts = new List<AccountFact>();
        var differences = new List<DriftFinding>();
        var errors = new List<string>();
        foreach (var offering in runtime.Config.Offerings)
        {
            var backendId = offering.MembershipSyncBackend.Length > 0 ? offering.MembershipSyncBackend : offering.BackendType;
            try
            {
                var session = await _sessions.CreateAsync(offering, backendId, cancellationToken).ConfigureAwait(false);
                var resources = await session.Waldur.ListProviderResources(new ResourceListQuery
                {
                    OfferingUuids = [offering.OfferingUuid],
                    BackendId = account,
                    Fields = MembershipCycle.ResourceFields,
                }).ToListAsync(cancellationToken).ConfigureAwait(false);
                var resource = resources.FirstOrDefault(r => r.State != ResourceState.Terminated) ?? resources.FirstOrDefault();
                facts.AddRange(await WaldurFactsAsync(session, resource, cancellationToken).ConfigureAwait(false));
                facts.AddRange(await BackendFactsAsync(session, account, resource, cancellationToken).ConfigureAwait(false));
                differences.AddRange((await new DriftDetector(session) { OnlyAccount = account }.DetectAsync(cancellationToken).ConfigureAwait(false)).Findings);
            }
            catch (Exception e) when (e is BackendException or WaldurException)
            {
                errors.Add($"{offering.Name}: {e.Message}");
            }
        }

        return new AccountDiagnosis(account, facts, differences, errors);
    }

    private static async Task<IReadOnlyList<AccountFact>> WaldurFactsAsync(OfferingSession session, Resource? resource, CancellationToken cancellationToken)
    {
        AccountFact Fact(string field, string value) => new(session.Name, "waldur", field, value);
        if (resource is null)
        {
            return [Fact("resource", "no resource of this offering has this backend_id")];
        }

        var team = await session.Waldur.ListProviderResourceTeamAsync(resource.Uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        var request = resource.ToRequest();
        return
        [
            Fact("resource", $"{resource.Name} ({resource.Uuid:N})"),
            Fact("state", resource.State ?? string.Empty),
            Fact("project", $"{request.ProjectSlug} of {request.CustomerSlug}"),
            Fact("limits", WaldurMapping.Describe(request.Limits)),
            Fact("flags", $"paused={Yes(request.Paused)} downscaled={Yes(request.Downscaled)} restrict_member_access={Yes(request.RestrictMemberAccess)}"),
            Fact("team", string.Join(", ", team.Select(m => m.ToMember()).Select(m =>
                m.OfferingUserUsername.Length > 0 ? m.OfferingUserUsername : $"{m.Username} (no offering username)").Order(StringComparer.Ordinal))),
        ];
    }

    private static async Task<IReadOnlyList<AccountFact>> BackendFactsAsync(OfferingSession session, string account, Resource? resource, CancellationToken cancellationToken)
    {
        AccountFact Fact(string field, string value) => new(session.Name, session.Descriptor.Id, field, value);
        if (session.Backend is not IOrderProcessingBackend orders)
        {
            return [Fact("account", "this backend cannot read resources")];
        }

        var request = resource?.ToRequest() ?? new ResourceRequest { Uuid = Guid.Empty, BackendId = account };
        var info = await orders.PullResourceAsync(request with { BackendId = account }, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return [Fact("account", "does not exist")];
        }

        var limits = session.Backend is ILimitReadingBackend reader
            ? await reader.GetResourceLimitsAsync(account, cancellationToken).ConfigureAwait(false)
            : info.Limits;
        var facts = new List<AccountFact>
        {
            Fact("account", "exists" + (info.ParentId.Length > 0 ? $", parent {info.ParentId}" : string.Empty)),
            Fact("limits", WaldurMapping.Describe(limits) + " (Waldur units)"),
            Fact("users", info.Users.Count == 0 ? "(none)" : string.Join(", ", info.Users.Order(StringComparer.Ordinal))),
        };
        if (session.Backend is IResourceStatusBackend status)
        {
            var metadata = await status.GetResourceMetadataAsync(account, cancellationToken).ConfigureAwait(false);
            facts.AddRange(metadata.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Fact(p.Key, p.Value)));
        }

        return facts;
    }

    private static string Yes(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}
