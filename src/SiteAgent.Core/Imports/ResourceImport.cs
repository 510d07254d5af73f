using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Imports;

/// <summary>Counts of one import run.</summary>
public sealed record ImportTotals(int Listed, int Reported, int AlreadyReported, int NoProject, int Rejected, int Failed);

/// <summary>
/// Reports the backend's resources that Waldur does not know to Waldur as importable backend resources
/// of the offering, each under the project its parent id names.
/// </summary>
/// <remarks>
/// Waldur resources in OK, Erred or Creating count as known: a resource being created must not be
/// offered a second time. Each report is looked up first (by backend id, project and offering), so a
/// repeated request reports nothing twice. One resource's failure is logged and the others go on.
/// </remarks>
public sealed partial class ResourceImport(Guid offeringUuid, string offeringName, string projectPrefix, WaldurClient waldur, ILogger logger)
{
    private static readonly string[] KnownStates = [ResourceState.Ok, ResourceState.Erred, ResourceState.Creating];

    /// <summary>Lists both sides and reports the unknown resources.</summary>
    public async Task<ImportTotals> RunAsync(IResourceListingBackend backend, CancellationToken cancellationToken)
    {
        var known = (await waldur.ListProviderResources(new ResourceListQuery
            {
                OfferingUuids = [offeringUuid],
                States = KnownStates,
                Fields = ["uuid", "backend_id"],
            }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => !string.IsNullOrWhiteSpace(r.BackendId)).Select(r => r.BackendId!.Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listed = await backend.ListResourcesAsync(cancellationToken).ConfigureAwait(false);
        var selection = ImportSelection.From(listed, known, projectPrefix);
        foreach (var rejection in selection.Rejected)
        {
            LogRejected(logger, offeringName, rejection.BackendId, rejection.Reason);
        }

        int reported = 0, existing = 0, noProject = 0, failed = 0;
        foreach (var candidate in selection.Candidates)
        {
            try
            {
                switch (await ReportAsync(candidate, cancellationToken).ConfigureAwait(false))
                {
                    case Outcome.Reported: reported++; break;
                    case Outcome.AlreadyReported: existing++; break;
                    default: noProject++; break;
                }
            }
            catch (WaldurException ex)
            {
                failed++;
                LogFailed(logger, offeringName, candidate.Resource.BackendId, ex.Message);
            }
        }

        var totals = new ImportTotals(listed.Count, reported, existing, noProject, selection.Rejected.Count, failed);
        LogSummary(logger, offeringName, totals.Listed, selection.Known, selection.OutsidePrefix, totals.Reported, totals.AlreadyReported, totals.NoProject,
            totals.Rejected, totals.Failed);
        return totals;
    }

    private async Task<Outcome> ReportAsync(ImportCandidate candidate, CancellationToken cancellationToken)
    {
        var backendId = candidate.Resource.BackendId;
        var project = (await waldur.ListProjects(new ProjectListQuery { Slug = candidate.ProjectSlug, Fields = ["uuid"] })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(p => p.Uuid is not null);
        if (project?.Uuid is not { } projectUuid)
        {
            LogNoProject(logger, offeringName, backendId, candidate.ProjectSlug);
            return Outcome.NoProject;
        }

        var reported = await waldur.ListBackendResources(new BackendResourceListQuery { BackendId = backendId, ProjectUuid = projectUuid, OfferingUuid = offeringUuid })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (reported.Count > 0)
        {
            LogAlreadyReported(logger, offeringName, backendId, candidate.ProjectSlug);
            return Outcome.AlreadyReported;
        }

        var limits = new JsonObject(candidate.Resource.Limits.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value))));
        await waldur.CreateBackendResourceAsync(new BackendResourceCreateRequest
        {
            Name = backendId,
            Project = projectUuid,
            Offering = offeringUuid,
            BackendId = backendId,
            BackendMetadata = new JsonObject { ["limits"] = limits },
        }, cancellationToken).ConfigureAwait(false);
        LogReported(logger, offeringName, backendId, candidate.ProjectSlug, limits.ToJsonString());
        return Outcome.Reported;
    }

    private enum Outcome
    {
        Reported,
        AlreadyReported,
        NoProject,
    }

    [LoggerMessage(EventId = LogEvents.ImportReported, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": backend resource {BackendId} reported to Waldur for import into project {Slug} with limits {Limits}")]
    private static partial void LogReported(ILogger logger, string offering, string backendId, string slug, string limits);

    [LoggerMessage(EventId = LogEvents.ImportAlreadyReported, Level = LogLevel.Debug,
        Message = "Offering \"{Offering}\": backend resource {BackendId} of project {Slug} was reported before; skipped")]
    private static partial void LogAlreadyReported(ILogger logger, string offering, string backendId, string slug);

    [LoggerMessage(EventId = LogEvents.ImportNoProject, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": backend resource {BackendId} is not reported: no Waldur project has the slug {Slug}")]
    private static partial void LogNoProject(ILogger logger, string offering, string backendId, string slug);

    [LoggerMessage(EventId = LogEvents.ImportRejected, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": backend resource {BackendId} is not reported: {Reason}")]
    private static partial void LogRejected(ILogger logger, string offering, string backendId, string reason);

    [LoggerMessage(EventId = LogEvents.ImportResourceFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": reporting backend resource {BackendId} to Waldur failed: {Error}; the other resources go on, a new import request retries it")]
    private static partial void LogFailed(ILogger logger, string offering, string backendId, string error);

    [LoggerMessage(EventId = LogEvents.ImportSummary, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": import listed {Listed} backend resources ({Known} known to Waldur, {Outside} outside the project prefix); reported {Reported}, reported before {Existing}, without project {NoProject}, rejected {Rejected}, failed {Failed}")]
    private static partial void LogSummary(ILogger logger, string offering, int listed, int known, int outside, int reported, int existing, int noProject, int rejected, int failed);
}
