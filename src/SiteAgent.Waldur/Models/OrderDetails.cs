using System.Text.Json;

namespace SiteAgent.Waldur.Models;

/// <summary>A marketplace order (schema <c>OrderDetails</c>).</summary>
/// <remarks>
/// The schema makes every field optional because <c>field=</c> trims the answer. <see cref="Uuid"/>
/// and <see cref="State"/> are required here because the order processor cannot act without them;
/// the client adds both to any field selection, so a missing one is a real protocol error.
/// </remarks>
public sealed record OrderDetails
{
    /// <summary>Order uuid.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Order state, one of <see cref="OrderState"/>.</summary>
    public required string State { get; init; }

    /// <summary>Order type, one of <see cref="OrderType"/>.</summary>
    public string? Type { get; init; }

    /// <summary>API URL of the order.</summary>
    public string? Url { get; init; }

    /// <summary>API URL of the offering.</summary>
    public string? Offering { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? OfferingUuid { get; init; }

    /// <summary>Offering name.</summary>
    public string? OfferingName { get; init; }

    /// <summary>Offering type, e.g. <c>Marketplace.Slurm</c>.</summary>
    public string? OfferingType { get; init; }

    /// <summary>Plugin options of the offering.</summary>
    public OfferingPluginOptions? OfferingPluginOptions { get; init; }

    /// <summary>Provider uuid.</summary>
    public Guid? ProviderUuid { get; init; }

    /// <summary>Provider name.</summary>
    public string? ProviderName { get; init; }

    /// <summary>API URL of the plan.</summary>
    public string? Plan { get; init; }

    /// <summary>Plan uuid.</summary>
    public Guid? PlanUuid { get; init; }

    /// <summary>Plan name.</summary>
    public string? PlanName { get; init; }

    /// <summary>Billing unit of the plan, one of <see cref="BillingUnit"/>.</summary>
    public string? PlanUnit { get; init; }

    /// <summary>Order attributes (free-form; offering-specific).</summary>
    public JsonElement? Attributes { get; init; }

    /// <summary>Requested limits by component type, in Waldur units.</summary>
    public IReadOnlyDictionary<string, decimal>? Limits { get; init; }

    /// <summary>When the order was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the order last changed.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Uuid of the resource's scope object (not the marketplace resource).</summary>
    public Guid? ResourceUuid { get; init; }

    /// <summary>Resource type.</summary>
    public string? ResourceType { get; init; }

    /// <summary>Resource name.</summary>
    public string? ResourceName { get; init; }

    /// <summary>Uuid of the marketplace resource the order acts on.</summary>
    public Guid? MarketplaceResourceUuid { get; init; }

    /// <summary>Order cost.</summary>
    public decimal? Cost { get; init; }

    /// <summary>Error message set when the order erred.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Error traceback set when the order erred.</summary>
    public string? ErrorTraceback { get; init; }

    /// <summary>Remote order id of an asynchronous backend (<c>set_backend_id</c>).</summary>
    public string? BackendId { get; init; }

    /// <summary>Order slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Requested start date.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>When the order reached a final state.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Comment of the requester.</summary>
    public string? RequestComment { get; init; }

    /// <summary>Username of the order's creator.</summary>
    public string? CreatedByUsername { get; init; }

    /// <summary>Full name of the order's creator.</summary>
    public string? CreatedByFullName { get; init; }

    /// <summary>E-mail of the order's creator.</summary>
    public string? CreatedByEmail { get; init; }

    /// <summary>Civil number of the order's creator.</summary>
    public string? CreatedByCivilNumber { get; init; }

    /// <summary>Customer uuid.</summary>
    public Guid? CustomerUuid { get; init; }

    /// <summary>Customer name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Customer slug.</summary>
    public string? CustomerSlug { get; init; }

    /// <summary>Project uuid.</summary>
    public Guid? ProjectUuid { get; init; }

    /// <summary>Project name.</summary>
    public string? ProjectName { get; init; }

    /// <summary>Project description.</summary>
    public string? ProjectDescription { get; init; }

    /// <summary>Project slug.</summary>
    public string? ProjectSlug { get; init; }

    /// <summary>Old plan uuid of an Update order.</summary>
    public Guid? OldPlanUuid { get; init; }

    /// <summary>New plan uuid of an Update order.</summary>
    public Guid? NewPlanUuid { get; init; }

    /// <summary>Message from the consumer to the provider.</summary>
    public string? ConsumerMessage { get; init; }

    /// <summary>Message from the provider to the consumer.</summary>
    public string? ProviderMessage { get; init; }

    /// <summary>Why the provider rejected the order.</summary>
    public string? ProviderRejectionComment { get; init; }

    /// <summary>Why the consumer rejected the order.</summary>
    public string? ConsumerRejectionComment { get; init; }

    /// <summary>Termination comment.</summary>
    public string? TerminationComment { get; init; }

    /// <summary>The order was approved by a rule.</summary>
    public bool? AutoApproved { get; init; }

    /// <summary>Order sub-type.</summary>
    public string? OrderSubtype { get; init; }
}
