using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteAgent.Core.Events;

// The messages Waldur publishes, one record per object type. Uuids stay strings: Waldur sends most
// as 32-hex and some (periodic limits) dashed, and EventUuid parses both.

/// <summary>An order changed state (<c>order</c>).</summary>
public sealed record OrderEvent(string? OrderUuid, string? OrderState, string? Action, long? SequenceNumber, string? OfferingUuid);

/// <summary>A role was granted or revoked, or a project or resource needs its team re-synced (<c>user_role</c>).</summary>
public sealed record UserRoleEvent(
    string? UserUuid, string? UserUsername, string? ProjectUuid, string? ProjectName, string? ResourceUuid, string? RoleName, bool? Granted, string? OfferingUuid);

/// <summary>A resource's paused, downscaled or restricted flag changed, or a sync was asked for (<c>resource</c>).</summary>
public sealed record ResourceEvent(
    string? ResourceUuid, string? ResourceBackendId, bool? Downscaled, bool? RestrictMemberAccess, bool? Paused, long? SequenceNumber, string? OfferingUuid);

/// <summary>A project service account or course account appeared or went (<c>service_account</c>, <c>course_account</c>).</summary>
public sealed record AccountEvent(
    string? AccountUuid, string? AccountUsername, string? ScopeType, string? ProjectUuid, string? ProjectName, string? Action, string? OfferingUuid);

/// <summary>An offering user changed (<c>offering_user</c>).</summary>
public sealed record OfferingUserEvent(
    string? OfferingUserUuid, string? UserUuid, string? Username, string? State, string? Action,
    Dictionary<string, JsonElement>? Attributes, IReadOnlyList<string>? ResourceBackendIds, string? OfferingUuid);

/// <summary>A provider forced a full sync of the offering (<c>offering_resources_sync</c>).</summary>
public sealed record OfferingResourcesSyncEvent(string? OfferingUuid, string? RequestedByUserUuid);

/// <summary>A user asked which backend resources could be imported (<c>importable_resources</c>).</summary>
public sealed record ImportableResourcesEvent(string? BackendResourceRequestUuid, string? OfferingUuid);

/// <summary>Periodic usage-policy settings to apply to an account (<c>resource_periodic_limits</c>).</summary>
public sealed record PeriodicLimitsEvent(
    string? ResourceUuid, string? BackendId, string? PolicyUuid, string? Action, JsonElement? Settings, string? Timestamp, string? OfferingUuid);

/// <summary>A resource API key is to be rotated (<c>resource_api_key_rotation</c>).</summary>
public sealed record ApiKeyRotationEvent(
    string? Action, string? ResourceUuid, string? ResourceBackendId, string? ApiKeyUuid, string? ClientId, string? OfferingUuid);

/// <summary>Source-generated (AOT-safe) JSON for the event payloads; Waldur's snake_case, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OrderEvent))]
[JsonSerializable(typeof(UserRoleEvent))]
[JsonSerializable(typeof(ResourceEvent))]
[JsonSerializable(typeof(AccountEvent))]
[JsonSerializable(typeof(OfferingUserEvent))]
[JsonSerializable(typeof(OfferingResourcesSyncEvent))]
[JsonSerializable(typeof(ImportableResourcesEvent))]
[JsonSerializable(typeof(PeriodicLimitsEvent))]
[JsonSerializable(typeof(ApiKeyRotationEvent))]
internal sealed partial class EventJsonContext : JsonSerializerContext;

/// <summary>Uuids as Waldur sends them in events: 32-hex or dashed.</summary>
public static class EventUuid
{
    /// <summary>The uuid, or an <see cref="EventRejectedException"/> naming the field.</summary>
    public static Guid Required(string? value, string field) =>
        Optional(value, field) ?? throw new EventRejectedException($"the message has no {field}");

    /// <summary>The uuid, null when absent, or an <see cref="EventRejectedException"/> when it is not a uuid.</summary>
    public static Guid? Optional(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Guid.TryParse(value, out var uuid) ? uuid
        : throw new EventRejectedException($"{field} \"{Truncate(value)}\" is not a uuid");

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;
}

/// <summary>A message that can never be handled (bad payload): logged and acknowledged, never retried.</summary>
public sealed class EventRejectedException(string message) : Exception(message);

/// <summary>A failure that may pass (Waldur busy, a transient backend state): the consumer retries the message with back-off.</summary>
public sealed class TransientEventException(string message) : Exception(message);
