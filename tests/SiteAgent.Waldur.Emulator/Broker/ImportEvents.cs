using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Broker;

/// <summary>
/// Requests Waldur announces once, when they are made: a request for importable resources
/// (<c>importable_resources</c>) and a provider's forced sync of an offering (<c>offering_resources_sync</c>).
/// </summary>
internal static class ImportEvents
{
    /// <summary>The uuids of every such request, for the snapshot.</summary>
    public static HashSet<string> Requests(EmulatorState state) =>
        state.BackendResourceRequests.Select(r => r.Uuid).Concat(state.OfferingResourcesSyncs.Select(s => s.Uuid)).ToHashSet();

    /// <summary>One event per request made since <paramref name="before"/>; an import request only while it is Sent.</summary>
    public static IEnumerable<WaldurEvent> Since(HashSet<string> before, EmulatorState state)
    {
        foreach (var request in state.BackendResourceRequests.Where(r => !before.Contains(r.Uuid) && r.State == "Sent"))
        {
            yield return new WaldurEvent("importable_resources", request.Offering.Uuid, new JsonObject { ["backend_resource_request_uuid"] = request.Uuid });
        }

        foreach (var sync in state.OfferingResourcesSyncs.Where(s => !before.Contains(s.Uuid)))
        {
            yield return new WaldurEvent("offering_resources_sync", sync.Offering.Uuid, new JsonObject { ["requested_by_user_uuid"] = sync.RequestedBy?.Uuid });
        }
    }
}
