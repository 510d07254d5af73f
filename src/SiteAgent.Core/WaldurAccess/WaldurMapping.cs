using System.Globalization;
using System.Text.Json;
using SiteAgent.Backends.Model;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.WaldurAccess;

/// <summary>Turns Waldur API models into the backend contract's records (backends never see Waldur types).</summary>
public static class WaldurMapping
{
    /// <summary>A provider resource as a backend sees it.</summary>
    public static ResourceRequest ToRequest(this Resource resource) => new()
    {
        Uuid = resource.Uuid,
        Name = resource.Name ?? string.Empty,
        Slug = resource.Slug ?? string.Empty,
        BackendId = resource.BackendId ?? string.Empty,
        State = resource.State ?? string.Empty,
        ProjectUuid = resource.ProjectUuid,
        ProjectSlug = resource.ProjectSlug ?? string.Empty,
        ProjectName = resource.ProjectName ?? string.Empty,
        CustomerUuid = resource.CustomerUuid,
        CustomerSlug = resource.CustomerSlug ?? string.Empty,
        CustomerName = resource.CustomerName ?? string.Empty,
        Limits = resource.Limits ?? new Dictionary<string, decimal>(),
        Attributes = Attributes(resource.Attributes),
        Created = resource.Created,
        EndDate = resource.EndDate is { } end ? new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        PlanUuid = resource.PlanUuid,
        Paused = resource.Paused ?? false,
        Downscaled = resource.Downscaled ?? false,
        RestrictMemberAccess = resource.RestrictMemberAccess ?? false,
    };

    /// <summary>An order as a backend may judge it.</summary>
    public static OrderSummary ToSummary(this OrderDetails order) => new(
        order.Uuid,
        order.Type ?? string.Empty,
        order.State,
        order.ResourceName ?? string.Empty,
        order.ProjectSlug ?? string.Empty,
        order.Limits ?? new Dictionary<string, decimal>(),
        Attributes(order.Attributes));

    /// <summary>A project team member.</summary>
    public static TeamMember ToMember(this ProjectUser user) => new(
        user.Uuid,
        user.Username ?? string.Empty,
        user.FullName ?? string.Empty,
        user.Email ?? string.Empty,
        user.Role ?? string.Empty,
        user.OfferingUserUsername ?? string.Empty,
        user.OfferingUserState ?? string.Empty);

    /// <summary>Scalar order/resource attributes as text; nested values are kept as their JSON text.</summary>
    public static IReadOnlyDictionary<string, string> Attributes(JsonElement? attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (attributes is not { ValueKind: JsonValueKind.Object } value)
        {
            return result;
        }

        foreach (var property in value.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => property.Value.GetRawText(),
            };
            if (text is not null)
            {
                result[property.Name] = text;
            }
        }

        return result;
    }

    /// <summary>Limits as Waldur's <c>set_limits</c> takes them (whole numbers).</summary>
    public static IReadOnlyDictionary<string, long> ToWholeLimits(IReadOnlyDictionary<string, decimal> limits) =>
        limits.ToDictionary(pair => pair.Key, pair => (long)decimal.Truncate(pair.Value), StringComparer.Ordinal);

    /// <summary>Numeric equality of two limit maps (180 equals 180.0; absent equals absent).</summary>
    public static bool SameLimits(IReadOnlyDictionary<string, decimal> left, IReadOnlyDictionary<string, decimal> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var other) && other == pair.Value);

    /// <summary>Limits rendered for logs: <c>cpu=10, mem=4</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, decimal> limits) =>
        limits.Count == 0 ? "(none)" : string.Join(", ", limits.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)));
}
