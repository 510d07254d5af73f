using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Broker;

/// <summary>One event Waldur would publish: object type, the offering it concerns, and the payload.</summary>
public sealed record WaldurEvent(string ObjectType, string OfferingUuid, JsonObject Payload);

/// <summary>
/// The parts of the emulator's state that Waldur announces over STOMP. Comparing two snapshots yields
/// the events Waldur would have published between them, whichever request or admin call made the
/// change; so publishing needs no hook in every route.
/// </summary>
internal sealed record EventSnapshot(
    Dictionary<string, (string State, string Offering)> Orders,
    HashSet<(string Project, string User, string Role)> Members,
    Dictionary<string, (string Username, string State, string Offering, string User)> OfferingUsers,
    Dictionary<string, (bool Paused, bool Downscaled, bool Restricted, string BackendId, string Offering)> Resources,
    Dictionary<string, (string Type, string Username, string Project, string ProjectName, string Offering)> Accounts,
    HashSet<string> Requests)
{
    public static EventSnapshot Take(EmulatorState state) => new(
        state.Orders.ToDictionary(o => o.Uuid, o => (o.State, o.Resource.Offering.Uuid)),
        state.Projects.SelectMany(p => p.Members.Select(m => (p.Uuid, m.User.Uuid, m.Role.Name))).ToHashSet(),
        state.OfferingUsers.ToDictionary(u => u.Uuid, u => (u.Username ?? "", u.State, u.Offering.Uuid, u.User.Uuid)),
        state.Resources.ToDictionary(r => r.Uuid, r => (r.Paused, r.Downscaled, r.RestrictMemberAccess, r.BackendId, r.Offering.Uuid)),
        state.ServiceAccounts.Select(a => (a.Uuid, Account: ("service_account", a.Username, a.Project.Uuid, a.Project.Name, a.Offering.Uuid)))
            .Concat(state.CourseAccounts.Select(a => (a.Uuid, Account: ("course_account", a.User?.Username ?? a.Username, a.Project.Uuid, a.Project.Name, a.Offering.Uuid))))
            .ToDictionary(a => a.Uuid, a => a.Account),
        ImportEvents.Requests(state));

    /// <summary>The events that lead from <paramref name="before"/> to this snapshot, payloads as Waldur sends them.</summary>
    public IEnumerable<WaldurEvent> EventsSince(EventSnapshot before, EmulatorState state)
    {
        foreach (var (uuid, order) in Orders)
        {
            if (before.Orders.TryGetValue(uuid, out var old) && old.State == order.State) continue;
            yield return new WaldurEvent("order", order.Offering, new JsonObject { ["order_uuid"] = uuid, ["order_state"] = order.State });
        }
        foreach (var change in Members.Except(before.Members).Select(m => (Member: m, Granted: true))
                     .Concat(before.Members.Except(Members).Select(m => (Member: m, Granted: false))))
        {
            foreach (var e in RoleEvents(change.Member, change.Granted, state)) yield return e;
        }
        foreach (var (uuid, user) in OfferingUsers)
        {
            var known = before.OfferingUsers.TryGetValue(uuid, out var old);
            if (known && old == user) continue;
            var payload = OfferingUserPayload(uuid, user.User, user.Username, user.State, known ? "update" : "create");
            if (known) payload["changed_fields"] = new JsonArray([.. ChangedFields(old, user).Select(f => (JsonNode)f)]);
            else payload["attributes"] = new JsonObject();
            yield return new WaldurEvent("offering_user", user.Offering, payload);
        }
        foreach (var (uuid, user) in before.OfferingUsers.Where(u => !OfferingUsers.ContainsKey(u.Key)))
        {
            yield return new WaldurEvent("offering_user", user.Offering, OfferingUserPayload(uuid, user.User, user.Username, user.State, "delete"));
        }
        foreach (var (uuid, resource) in Resources)
        {
            // Waldur announces a resource when one of its three access flags changes.
            if (!before.Resources.TryGetValue(uuid, out var old)
                || (old.Paused, old.Downscaled, old.Restricted) == (resource.Paused, resource.Downscaled, resource.Restricted)) continue;
            yield return new WaldurEvent("resource", resource.Offering, new JsonObject
            {
                ["resource_uuid"] = uuid,
                ["resource_backend_id"] = resource.BackendId,
                ["downscaled"] = resource.Downscaled,
                ["restrict_member_access"] = resource.Restricted,
                ["paused"] = resource.Paused,
            });
        }
        foreach (var e in AccountEvents(before)) yield return e;
        foreach (var e in ImportEvents.Since(before.Requests, state)) yield return e;
    }

    /// <summary>Service and course accounts announce their creation and deletion.</summary>
    private IEnumerable<WaldurEvent> AccountEvents(EventSnapshot before) =>
        Accounts.Where(a => !before.Accounts.ContainsKey(a.Key)).Select(a => AccountEvent(a.Key, a.Value, "create"))
            .Concat(before.Accounts.Where(a => !Accounts.ContainsKey(a.Key)).Select(a => AccountEvent(a.Key, a.Value, "delete")));

    private static WaldurEvent AccountEvent(string uuid, (string Type, string Username, string Project, string ProjectName, string Offering) account, string action) =>
        new(account.Type, account.Offering, new JsonObject
        {
            ["account_uuid"] = uuid,
            ["account_username"] = account.Username,
            ["scope_type"] = "project",
            ["project_uuid"] = account.Project,
            ["project_name"] = account.ProjectName,
            ["action"] = action,
        });

    /// <summary>A role change concerns every offering with a live resource in the project.</summary>
    private static IEnumerable<WaldurEvent> RoleEvents((string Project, string User, string Role) member, bool granted, EmulatorState state)
    {
        var project = state.Projects.Find(member.Project);
        var user = state.Users.Find(member.User);
        var offerings = state.Resources.Where(r => r.Project.Uuid == member.Project && r.State != ResourceStates.Terminated)
            .Select(r => r.Offering.Uuid).Distinct();
        foreach (var offering in offerings)
        {
            yield return new WaldurEvent("user_role", offering, new JsonObject
            {
                ["user_uuid"] = member.User,
                ["user_username"] = user?.Username ?? "",
                ["project_uuid"] = member.Project,
                ["project_name"] = project?.Name ?? "",
                ["role_name"] = member.Role,
                ["granted"] = granted,
            });
        }
    }

    private static JsonObject OfferingUserPayload(string uuid, string user, string username, string state, string action) => new()
    {
        ["offering_user_uuid"] = uuid,
        ["user_uuid"] = user,
        ["username"] = username,
        ["state"] = state,
        ["action"] = action,
    };

    private static IEnumerable<string> ChangedFields((string Username, string State, string Offering, string User) old, (string Username, string State, string Offering, string User) now)
    {
        if (old.Username != now.Username) yield return "username";
        if (old.State != now.State) yield return "state";
    }
}
