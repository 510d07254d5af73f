namespace SiteAgent.Waldur.Emulator.State;

/// <summary>Everything the emulated Waldur knows, in memory.</summary>
/// <remarks>Not thread-safe by itself: the request pipeline and the admin API hold <see cref="Sync"/> while they touch it.</remarks>
public sealed partial class EmulatorState(TimeProvider clock)
{
    /// <summary>The lock every reader and writer takes.</summary>
    public object Sync { get; } = new();

    /// <summary>The clock used for created/modified stamps (tests may pass a fake).</summary>
    public TimeProvider Clock { get; } = clock;

    public EntitySet<Customer> Customers { get; } = new();
    public EntitySet<User> Users { get; } = new();
    public EntitySet<Role> Roles { get; } = new();
    public EntitySet<Project> Projects { get; } = new();
    public EntitySet<ScienceSubDomain> ScienceSubDomains { get; } = new();
    public EntitySet<ServiceProvider> ServiceProviders { get; } = new();
    public EntitySet<Offering> Offerings { get; } = new();
    public EntitySet<Plan> Plans { get; } = new();
    public EntitySet<Resource> Resources { get; } = new();
    public EntitySet<Order> Orders { get; } = new();
    public EntitySet<OfferingUser> OfferingUsers { get; } = new();
    public EntitySet<ComponentUsage> ComponentUsages { get; } = new();
    public EntitySet<ComponentUserUsage> ComponentUserUsages { get; } = new();
    public EntitySet<ComponentUserUsageLimit> UserUsageLimits { get; } = new();
    public EntitySet<AgentIdentity> AgentIdentities { get; } = new();
    public EntitySet<AgentService> AgentServices { get; } = new();
    public EntitySet<AgentProcessor> AgentProcessors { get; } = new();
    public EntitySet<EventSubscription> EventSubscriptions { get; } = new();
    public EntitySet<EventSubscriptionQueue> EventQueues { get; } = new();
    public EntitySet<SiteAgentLog> SiteAgentLogs { get; } = new();
    public EntitySet<BackendResource> BackendResources { get; } = new();
    public EntitySet<BackendResourceRequest> BackendResourceRequests { get; } = new();
    public EntitySet<OfferingResourcesSyncRequest> OfferingResourcesSyncs { get; } = new();
    public EntitySet<SlurmPeriodicUsagePolicy> SlurmPolicies { get; } = new();
    public EntitySet<ProjectServiceAccount> ServiceAccounts { get; } = new();
    public EntitySet<CourseAccount> CourseAccounts { get; } = new();
    public EntitySet<BridgedIdentity> BridgedIdentities { get; } = new();
    public EntitySet<ResourceApiKey> ApiKeys { get; } = new();

    /// <summary>Static API tokens (<c>Authorization: Token …</c>) and the user each one acts as.</summary>
    public Dictionary<string, User> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>The server version <c>/api/version/</c> reports.</summary>
    public string Version { get; set; } = "8.0.9";

    /// <summary>Current time of <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Stamps a new entity with the current time and adds it.</summary>
    public T Add<T>(EntitySet<T> set, T entity) where T : Entity
    {
        entity.Created = entity.Modified = Now;
        return set.Add(entity);
    }

    /// <summary>Stamps an entity that lives inside another one (e.g. a project member) with the current time.</summary>
    public T Stamp<T>(T entity) where T : Entity
    {
        entity.Created = entity.Modified = Now;
        return entity;
    }

    /// <summary>Marks an entity modified now.</summary>
    public void Touch(Entity entity) => entity.Modified = Now;

    /// <summary>Drops every object and token, then restores the built-in roles.</summary>
    public void Clear()
    {
        Customers.Clear(); Users.Clear(); Roles.Clear(); Projects.Clear(); ScienceSubDomains.Clear(); ServiceProviders.Clear();
        Offerings.Clear(); Plans.Clear(); Resources.Clear(); Orders.Clear(); OfferingUsers.Clear(); ComponentUsages.Clear();
        ComponentUserUsages.Clear(); UserUsageLimits.Clear(); AgentIdentities.Clear(); AgentServices.Clear(); AgentProcessors.Clear();
        EventSubscriptions.Clear(); EventQueues.Clear(); SiteAgentLogs.Clear(); BackendResources.Clear(); BackendResourceRequests.Clear(); OfferingResourcesSyncs.Clear();
        SlurmPolicies.Clear(); ServiceAccounts.Clear(); CourseAccounts.Clear(); BridgedIdentities.Clear(); ApiKeys.Clear();
        Tokens.Clear();
        AddBuiltInRoles();
    }

    /// <summary>The roles every Waldur has; scenarios refer to them by name.</summary>
    public void AddBuiltInRoles()
    {
        foreach (var (name, type, description) in new[]
        {
            ("PROJECT.ADMIN", "project", "Project administrator"), ("PROJECT.MANAGER", "project", "Project manager"),
            ("PROJECT.MEMBER", "project", "Project member"), ("CUSTOMER.OWNER", "customer", "Organization owner"),
            ("CUSTOMER.MANAGER", "customer", "Organization service manager"), ("OFFERING.MANAGER", "offering", "Offering manager"),
        })
            if (FindRole(name) is null)
                Add(Roles, new Role { Name = name, ContentType = type, Description = description });
    }
}
