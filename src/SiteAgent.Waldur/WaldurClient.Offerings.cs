using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;

namespace SiteAgent.Waldur;

// Provider offerings, their components, accounts and plans.
public sealed partial class WaldurClient
{
    /// <summary>Reads an offering as its provider sees it (<c>marketplace_provider_offerings_retrieve</c>); <paramref name="fields"/> trims the answer.</summary>
    public Task<ProviderOfferingDetails> GetProviderOfferingAsync(Guid offeringUuid, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
        GetAsync(WaldurOperations.MarketplaceProviderOfferingsRetrieve, offeringUuid, new QueryBuilder().AddEach("field", fields), Json.ProviderOfferingDetails, cancellationToken);

    /// <summary>Reads which user attributes the offering exposes (<c>marketplace_provider_offerings_user_attribute_config_retrieve</c>).</summary>
    public Task<OfferingUserAttributeConfig> GetOfferingUserAttributeConfigAsync(Guid offeringUuid, CancellationToken cancellationToken = default) =>
        GetAsync(WaldurOperations.MarketplaceProviderOfferingsUserAttributeConfigRetrieve, offeringUuid, null, Json.OfferingUserAttributeConfig, cancellationToken);

    /// <summary>Asks whether a backend id is unused (<c>marketplace_provider_offerings_check_unique_backend_id</c>).</summary>
    /// <remarks>A POST that changes nothing: treated as a read, so it is sent (and retried) even in dry-run.</remarks>
    public Task<CheckUniqueBackendIdResponse> CheckUniqueBackendIdAsync(Guid offeringUuid, CheckUniqueBackendIdRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(
            WaldurOperations.MarketplaceProviderOfferingsCheckUniqueBackendId,
            offeringUuid,
            request,
            Json.CheckUniqueBackendIdRequest,
            Json.CheckUniqueBackendIdResponse,
            () => new CheckUniqueBackendIdResponse { IsUnique = true },
            cancellationToken);

    /// <summary>Adds an accounting component to an offering (<c>marketplace_provider_offerings_create_offering_component</c>).</summary>
    /// <remarks>Guarded: a repeat fails or duplicates the component; re-read the offering's components first.</remarks>
    public Task CreateOfferingComponentAsync(Guid offeringUuid, OfferingComponentRequest component, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceProviderOfferingsCreateOfferingComponent, offeringUuid, component, Json.OfferingComponentRequest, cancellationToken);

    /// <summary>Changes an accounting component of an offering (<c>marketplace_provider_offerings_update_offering_component</c>).</summary>
    /// <remarks>Idempotent.</remarks>
    public Task UpdateOfferingComponentAsync(Guid offeringUuid, UpdateOfferingComponentRequest component, CancellationToken cancellationToken = default) =>
        WriteAsync(WaldurOperations.MarketplaceProviderOfferingsUpdateOfferingComponent, offeringUuid, component, Json.UpdateOfferingComponentRequest, cancellationToken);

    /// <summary>Lists the project service accounts of an offering (<c>marketplace_provider_offerings_list_project_service_accounts_list</c>).</summary>
    public WaldurPages<ProjectServiceAccount> ListProjectServiceAccounts(Guid offeringUuid) =>
        Pages(WaldurOperations.MarketplaceProviderOfferingsListProjectServiceAccountsList, offeringUuid, null, Json.ListProjectServiceAccount);

    /// <summary>Lists the course accounts of an offering (<c>marketplace_provider_offerings_list_course_accounts_list</c>).</summary>
    public WaldurPages<CourseAccount> ListCourseAccounts(Guid offeringUuid) =>
        Pages(WaldurOperations.MarketplaceProviderOfferingsListCourseAccountsList, offeringUuid, null, Json.ListCourseAccount);

    /// <summary>Reads a plan (<c>marketplace_plans_retrieve</c>): its quotas give the limits of orders without limits.</summary>
    public Task<ProviderPlanDetails> GetPlanAsync(Guid planUuid, CancellationToken cancellationToken = default) =>
        GetAsync(WaldurOperations.MarketplacePlansRetrieve, planUuid, null, Json.ProviderPlanDetails, cancellationToken);

    /// <summary>Lists the plans of a public offering (<c>marketplace_public_offerings_plans_list</c>; not paged).</summary>
    public Task<IReadOnlyList<BasePublicPlan>> ListPublicOfferingPlansAsync(Guid offeringUuid, CancellationToken cancellationToken = default) =>
        GetListAsync(WaldurOperations.MarketplacePublicOfferingsPlansList, offeringUuid, null, Json.ListBasePublicPlan, cancellationToken);
}
