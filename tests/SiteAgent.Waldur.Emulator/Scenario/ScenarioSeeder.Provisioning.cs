using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Scenario;

/// <summary>Resources and orders: a Create order without <c>resource</c> creates its resource, as ordering does in Waldur.</summary>
public sealed partial class ScenarioSeeder
{
    private void Resources(JsonObject root)
    {
        foreach (var (r, path) in _read.Items(root, "resources"))
        {
            _read.Keys(r, path, "uuid", "name", "slug", "offering", "project", "plan", "state", "backend_id", "effective_id", "limits",
                "attributes", "backend_metadata", "end_date", "paused", "downscaled", "restrict_member_access", "description");
            var offering = Ref(r, "offering", path, _state.FindOffering);
            var name = _read.Required(r, "name", path);
            _state.Add(_state.Resources, new Resource
            {
                Uuid = _read.Uuid(r, path),
                Name = name,
                Slug = _read.Text(r, "slug", path) ?? EmulatorState.Slugify(name, _state.Resources.Select(x => x.Slug)),
                Offering = offering,
                Project = Ref(r, "project", path, _state.FindProject),
                Plan = r["plan"] is null ? null : Ref(r, "plan", path, k => _state.FindPlan(offering, k)),
                State = _read.Text(r, "state", path) ?? ResourceStates.Ok,
                BackendId = _read.Text(r, "backend_id", path) ?? "",
                EffectiveId = _read.Text(r, "effective_id", path) ?? "",
                Description = _read.Text(r, "description", path) ?? "",
                Limits = _read.LongMap(r, "limits", path),
                Attributes = _read.Map(r, "attributes", path),
                BackendMetadata = _read.Map(r, "backend_metadata", path),
                EndDate = _read.Date(r, "end_date", path),
                Paused = _read.Bool(r, "paused", path) ?? false,
                Downscaled = _read.Bool(r, "downscaled", path) ?? false,
                RestrictMemberAccess = _read.Bool(r, "restrict_member_access", path) ?? false,
            });
        }
    }

    private void Orders(JsonObject root)
    {
        foreach (var (o, path) in _read.Items(root, "orders"))
        {
            _read.Keys(o, path, "uuid", "type", "state", "offering", "project", "resource", "resource_name", "plan", "limits", "attributes",
                "backend_id", "created_by", "request_comment");
            var type = _read.Text(o, "type", path) ?? OrderTypes.Create;
            var state = _read.Text(o, "state", path) ?? OrderStates.PendingProvider;
            if (!OrderStates.All.Contains(state)) throw _read.Error($"{path}.state", $"\"{state}\" is not an order state ({string.Join(", ", OrderStates.All)})");
            var resource = o["resource"] is not null ? Ref(o, "resource", path, _state.FindResource) : NewResource(o, path, type);
            var order = _state.Add(_state.Orders, new Order
            {
                Uuid = _read.Uuid(o, path),
                Type = type,
                State = state,
                Resource = resource,
                Plan = o["plan"] is null ? resource.Plan : Ref(o, "plan", path, k => _state.FindPlan(resource.Offering, k)),
                OldPlan = type == OrderTypes.Update ? resource.Plan : null,
                Limits = _read.LongMap(o, "limits", path),
                Attributes = _read.Map(o, "attributes", path),
                BackendId = _read.Text(o, "backend_id", path) ?? "",
                RequestComment = _read.Text(o, "request_comment", path),
                CreatedBy = o["created_by"] is null ? null : UserRef(o, "created_by", path),
            });
            if (type == OrderTypes.Create && o["resource"] is null && resource.Limits.Count == 0)
                resource.Limits = new Dictionary<string, long>(order.Limits);
            if (state == OrderStates.Executing && type is OrderTypes.Update or OrderTypes.Terminate)
                resource.State = type == OrderTypes.Update ? ResourceStates.Updating : ResourceStates.Terminating;
            if (o["resource"] is null)
                resource.State = state switch
                {
                    OrderStates.Done => ResourceStates.Ok,
                    OrderStates.Erred => ResourceStates.Erred,
                    OrderStates.Rejected or OrderStates.Canceled => ResourceStates.Terminated,
                    _ => ResourceStates.Creating,
                };
        }
    }

    private Resource NewResource(JsonObject o, string path, string type)
    {
        if (type is not (OrderTypes.Create or OrderTypes.Restore))
            throw _read.Error($"{path}.resource", $"a {type} order must name an existing resource");
        var offering = Ref(o, "offering", path, _state.FindOffering);
        var name = _read.Required(o, "resource_name", path);
        return _state.Add(_state.Resources, new Resource
        {
            Name = name,
            Slug = EmulatorState.Slugify(name, _state.Resources.Select(x => x.Slug)),
            Offering = offering,
            Project = Ref(o, "project", path, _state.FindProject),
            Plan = o["plan"] is null ? offering.Plans.FirstOrDefault() : Ref(o, "plan", path, k => _state.FindPlan(offering, k)),
            State = ResourceStates.Creating,
            Attributes = _read.Map(o, "attributes", path),
        });
    }
}
