using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteAgent.Waldur.Models;

/// <summary>An offering seen by its provider (schema <c>ProviderOfferingDetails</c>); every field may be trimmed.</summary>
public sealed record ProviderOfferingDetails
{
    /// <summary>Offering uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL of the offering.</summary>
    public string? Url { get; init; }

    /// <summary>Offering name.</summary>
    public string? Name { get; init; }

    /// <summary>Offering slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Offering type, e.g. <c>Marketplace.Slurm</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Offering state (<c>Draft</c>, <c>Active</c>, <c>Paused</c>…).</summary>
    public string? State { get; init; }

    /// <summary>Offering backend id.</summary>
    public string? BackendId { get; init; }

    /// <summary>API URL of the customer (service provider organisation).</summary>
    public string? Customer { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Customer name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Accounting components.</summary>
    public IReadOnlyList<OfferingComponent>? Components { get; init; }

    /// <summary>SLURM partitions.</summary>
    public IReadOnlyList<NestedPartition>? Partitions { get; init; }

    /// <summary>Plugin options (typed where the agent reads them).</summary>
    public OfferingPluginOptions? PluginOptions { get; init; }

    /// <summary>Offering attributes (free-form).</summary>
    public JsonElement? Attributes { get; init; }

    /// <summary>Backend metadata (free-form).</summary>
    public JsonElement? BackendMetadata { get; init; }

    /// <summary>Whether the offering is shared.</summary>
    public bool? Shared { get; init; }

    /// <summary>Whether the offering is billable.</summary>
    public bool? Billable { get; init; }

    /// <summary>Scope uuid.</summary>
    public Guid? ScopeUuid { get; init; }

    /// <summary>Scope state (<c>CoreStates</c> or null).</summary>
    public string? ScopeState { get; init; }

    /// <summary>When the offering was created.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>An accounting component of an offering (schema <c>OfferingComponent</c>).</summary>
public sealed record OfferingComponent
{
    /// <summary>Component uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Component type (the key used in limits and usages).</summary>
    public string? Type { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Accounting type, one of <see cref="BillingType"/>.</summary>
    public string? BillingType { get; init; }

    /// <summary>Measured unit shown to users.</summary>
    public string? MeasuredUnit { get; init; }

    /// <summary>Factor between backend and Waldur units.</summary>
    public int? UnitFactor { get; init; }

    /// <summary>Limit period, one of <see cref="LimitPeriod"/>, or null.</summary>
    public string? LimitPeriod { get; init; }

    /// <summary>Default limit amount.</summary>
    public long? LimitAmount { get; init; }

    /// <summary>Article code.</summary>
    public string? ArticleCode { get; init; }

    /// <summary>Maximum value.</summary>
    public long? MaxValue { get; init; }

    /// <summary>Minimum value.</summary>
    public long? MinValue { get; init; }

    /// <summary>Maximum available limit.</summary>
    public long? MaxAvailableLimit { get; init; }

    /// <summary>Default limit.</summary>
    public long? DefaultLimit { get; init; }

    /// <summary>The component is a boolean switch.</summary>
    public bool? IsBoolean { get; init; }

    /// <summary>The component is prepaid.</summary>
    public bool? IsPrepaid { get; init; }
}

/// <summary>A SLURM partition of an offering (schema <c>NestedPartition</c>).</summary>
public sealed record NestedPartition
{
    /// <summary>Partition uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Partition name.</summary>
    public string? PartitionName { get; init; }

    /// <summary>CPU architecture.</summary>
    public string? CpuArch { get; init; }

    /// <summary>GPU architecture.</summary>
    public string? GpuArch { get; init; }

    /// <summary>Default QoS.</summary>
    public string? Qos { get; init; }

    /// <summary>Maximum run time in minutes.</summary>
    public int? MaxTime { get; init; }

    /// <summary>Default run time in minutes.</summary>
    public int? DefaultTime { get; init; }
}

/// <summary>
/// An offering's plugin options (schema <c>MergedPluginOptions</c>): the options the agent reads are
/// typed; every other option, including ones newer than the schema, is kept in <see cref="Other"/>.
/// </summary>
public sealed record OfferingPluginOptions
{
    /// <summary>How usernames are generated, e.g. <c>service_provider</c>.</summary>
    public string? UsernameGenerationPolicy { get; init; }

    /// <summary>The service provider may create offering users.</summary>
    public bool? ServiceProviderCanCreateOfferingUser { get; init; }

    /// <summary>How account names are generated (<c>project_slug</c>, blank or null).</summary>
    public string? AccountNameGenerationPolicy { get; init; }

    /// <summary>Membership sync statuses are enabled (8.1.x, not in the 8.0.9 schema).</summary>
    public bool? EnableMembershipSyncStatus { get; init; }

    /// <summary>Prefix of anonymized usernames.</summary>
    public string? UsernameAnonymizedPrefix { get; init; }

    /// <summary>Prefix of home directories.</summary>
    public string? HomedirPrefix { get; init; }

    /// <summary>Every other option, raw.</summary>
    /// <remarks>Settable because System.Text.Json cannot fill extension data through an init accessor.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>Which user attributes an offering exposes (schema <c>OfferingUserAttributeConfig</c>).</summary>
public sealed record OfferingUserAttributeConfig
{
    /// <summary>Config uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Names of the exposed user fields (<c>user_*</c> fields of offering users).</summary>
    public IReadOnlyList<string>? ExposedFields { get; init; }

    /// <summary>The offering uses the default configuration.</summary>
    public bool? IsDefault { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Offering name.</summary>
    public string? OfferingName { get; init; }
}
