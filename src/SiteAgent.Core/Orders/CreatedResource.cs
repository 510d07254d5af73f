using SiteAgent.Backends.Model;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Orders;

/// <summary>A resource a Create/Restore order completed, with what post-processing can reuse instead of reading again.</summary>
/// <param name="BackendId">The backend id (in a dry run, the one planned).</param>
/// <param name="Resource">The Waldur resource as read for this order.</param>
/// <param name="Team">The team read for the creation, when one was read.</param>
public sealed record CreatedResource(string BackendId, Resource Resource, TeamSnapshot? Team);

/// <summary>A resource's team and their offering users, as read once.</summary>
public sealed record TeamSnapshot(UserContext Context, IReadOnlyList<OfferingUser> OfferingUsers);
