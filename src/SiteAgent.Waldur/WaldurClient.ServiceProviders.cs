using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Waldur;

// Service providers, their SSH keys and the projects of their customers.
public sealed partial class WaldurClient
{
    /// <summary>Lists service providers (<c>marketplace_service_providers_list</c>); the agent filters by customer uuid.</summary>
    public WaldurPages<ServiceProvider> ListServiceProviders(ServiceProviderListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceServiceProvidersList, null, q => query?.AppendTo(q), Json.ListServiceProvider);

    /// <summary>Lists a service provider's SSH keys (<c>marketplace_service_providers_keys_list</c>); use all pages.</summary>
    public WaldurPages<SshKey> ListServiceProviderKeys(Guid serviceProviderUuid, SshKeyListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceServiceProvidersKeysList, serviceProviderUuid, q => query?.AppendTo(q), Json.ListSshKey);

    /// <summary>Lists projects of a service provider's consumers (<c>marketplace_service_providers_projects_list</c>).</summary>
    public WaldurPages<Project> ListServiceProviderProjects(Guid serviceProviderUuid, ProjectListQuery? query = null) =>
        Pages(WaldurOperations.MarketplaceServiceProvidersProjectsList, serviceProviderUuid, q => query?.AppendTo(q), Json.ListProject);
}
