using SiteAgent.Waldur.Emulator.Http;

namespace SiteAgent.Waldur.Emulator.Routes;

/// <summary>Every operation of operations.md, one Map per API area.</summary>
public static class WaldurApi
{
    /// <summary>Builds the full route table.</summary>
    public static ApiRouteTable Build()
    {
        var routes = new ApiRouteTable();
        OrderRoutes.Map(routes);
        ProviderResourceRoutes.Map(routes);
        ConsumerResourceRoutes.Map(routes);
        OfferingRoutes.Map(routes);
        OfferingUserRoutes.Map(routes);
        UsageRoutes.Map(routes);
        AgentRoutes.Map(routes);
        ProjectRoutes.Map(routes);
        DirectoryRoutes.Map(routes);
        IdentityBridgeRoutes.Map(routes);
        ImportRoutes.Map(routes);
        ApiKeyRoutes.Map(routes);
        return routes;
    }
}
