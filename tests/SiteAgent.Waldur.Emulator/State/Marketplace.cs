using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Emulator.State;

/// <summary>The provider profile of a customer; its SSH keys are served by <c>…/keys/</c>.</summary>
public sealed class ServiceProvider : Entity
{
    public required Customer Customer { get; init; }
    public string Description { get; set; } = "";
    public List<SshKey> Keys { get; } = [];
}

/// <summary>A public SSH key of a service provider's user.</summary>
public sealed class SshKey : Entity
{
    public required string Name { get; set; }
    public required string PublicKey { get; set; }
    public string UserUuid { get; set; } = NewUuid();
    public bool IsShared { get; set; }
}

/// <summary>A marketplace offering; property names follow <c>ProviderOfferingDetails</c>.</summary>
public sealed class Offering : Entity
{
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public required Customer Customer { get; set; }
    public string Type { get; set; } = "Marketplace.Slurm";
    public string State { get; set; } = "Active";
    public string BackendId { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Shared { get; set; } = true;
    public bool Billable { get; set; } = true;
    public List<OfferingComponent> Components { get; } = [];
    public List<Plan> Plans { get; } = [];

    /// <summary>Merged plugin options as Waldur returns them (<c>MergedPluginOptions</c>).</summary>
    public JsonObject PluginOptions { get; set; } = [];

    /// <summary>SLURM partitions (<c>NestedPartition</c> objects).</summary>
    public JsonArray Partitions { get; set; } = [];

    /// <summary>Offering-user fields exposed to the provider (<c>user-attribute-config</c>).</summary>
    public List<string> ExposedFields { get; set; } = ["full_name", "email", "username"];

    public JsonObject Attributes { get; set; } = [];
    public JsonObject BackendMetadata { get; set; } = [];
}

/// <summary>An accounting component of an offering (<c>OfferingComponent</c>).</summary>
public sealed class OfferingComponent : Entity
{
    public required string Type { get; set; }
    public required string Name { get; set; }
    public string BillingType { get; set; } = "usage";
    public string MeasuredUnit { get; set; } = "";
    public string Description { get; set; } = "";
    public string? LimitPeriod { get; set; }
    public long? LimitAmount { get; set; }
    public long? UnitFactor { get; set; }
    public long? MinValue { get; set; }
    public long? MaxValue { get; set; }
    public long? MaxAvailableLimit { get; set; }
    public long? DefaultLimit { get; set; }
    public string ArticleCode { get; set; } = "";
    public bool IsBoolean { get; set; }
    public bool IsPrepaid { get; set; }

    /// <summary>Prepaid/renewal duration fields, stored as sent because the emulator never interprets them.</summary>
    public JsonObject Durations { get; set; } = [];
}

/// <summary>A plan of an offering; <see cref="Quotas"/> are what the agent reads as plan limits.</summary>
public sealed class Plan : Entity
{
    public required string Name { get; set; }
    public required Offering Offering { get; init; }
    public string Unit { get; set; } = "month";
    public string UnitPrice { get; set; } = "0.00";
    public string Description { get; set; } = "";
    public string ArticleCode { get; set; } = "";
    public string BackendId { get; set; } = "";
    public bool Archived { get; set; }
    public int? MaxAmount { get; set; }
    public Dictionary<string, long> Quotas { get; set; } = [];
    public Dictionary<string, string> Prices { get; set; } = [];
}
