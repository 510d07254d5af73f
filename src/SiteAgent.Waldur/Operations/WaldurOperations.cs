namespace SiteAgent.Waldur.Operations;

/// <summary>
/// Every Waldur operation the agent calls: the 83 of openapi-subset.json (schema 8.0.9) and the five
/// 8.1.x-only ones. The client builds each request from these entries, so a test can compare the
/// catalogue with the schema instead of trusting hand-written paths.
/// </summary>
/// <remarks>
/// To add an operation: 1. add an entry here (operationId, method, path as in the schema, kind);
/// 2. add it to <see cref="All"/>; 3. add the client method in the partial file of its area;
/// 4. register new request/response records in <c>WaldurJsonContext</c>.
/// </remarks>
public static class WaldurOperations
{
    /// <summary><c>backend_resource_requests_retrieve</c>: GET <c>/api/backend-resource-requests/{uuid}/</c>.</summary>
    public static readonly WaldurOperation BackendResourceRequestsRetrieve = new("backend_resource_requests_retrieve", HttpMethod.Get, "/api/backend-resource-requests/{uuid}/", WaldurCallKind.Read);

    /// <summary><c>backend_resource_requests_set_done</c>: POST <c>/api/backend-resource-requests/{uuid}/set_done/</c>.</summary>
    public static readonly WaldurOperation BackendResourceRequestsSetDone = new("backend_resource_requests_set_done", HttpMethod.Post, "/api/backend-resource-requests/{uuid}/set_done/", WaldurCallKind.GuardedWrite);

    /// <summary><c>backend_resource_requests_set_erred</c>: POST <c>/api/backend-resource-requests/{uuid}/set_erred/</c>.</summary>
    public static readonly WaldurOperation BackendResourceRequestsSetErred = new("backend_resource_requests_set_erred", HttpMethod.Post, "/api/backend-resource-requests/{uuid}/set_erred/", WaldurCallKind.GuardedWrite);

    /// <summary><c>backend_resource_requests_start_processing</c>: POST <c>/api/backend-resource-requests/{uuid}/start_processing/</c>.</summary>
    public static readonly WaldurOperation BackendResourceRequestsStartProcessing = new("backend_resource_requests_start_processing", HttpMethod.Post, "/api/backend-resource-requests/{uuid}/start_processing/", WaldurCallKind.GuardedWrite);

    /// <summary><c>backend_resources_list</c>: GET <c>/api/backend-resources/</c>.</summary>
    public static readonly WaldurOperation BackendResourcesList = new("backend_resources_list", HttpMethod.Get, "/api/backend-resources/", WaldurCallKind.Read);

    /// <summary><c>backend_resources_create</c>: POST <c>/api/backend-resources/</c>.</summary>
    public static readonly WaldurOperation BackendResourcesCreate = new("backend_resources_create", HttpMethod.Post, "/api/backend-resources/", WaldurCallKind.GuardedWrite);

    /// <summary><c>component_user_usage_limits_list</c>: GET <c>/api/component-user-usage-limits/</c>.</summary>
    public static readonly WaldurOperation ComponentUserUsageLimitsList = new("component_user_usage_limits_list", HttpMethod.Get, "/api/component-user-usage-limits/", WaldurCallKind.Read);

    /// <summary><c>event_subscriptions_destroy</c>: DELETE <c>/api/event-subscriptions/{uuid}/</c>.</summary>
    public static readonly WaldurOperation EventSubscriptionsDestroy = new("event_subscriptions_destroy", HttpMethod.Delete, "/api/event-subscriptions/{uuid}/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>event_subscriptions_create_queue</c>: POST <c>/api/event-subscriptions/{uuid}/create_queue/</c>.</summary>
    public static readonly WaldurOperation EventSubscriptionsCreateQueue = new("event_subscriptions_create_queue", HttpMethod.Post, "/api/event-subscriptions/{uuid}/create_queue/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>identity_bridge</c>: POST <c>/api/identity-bridge/</c>.</summary>
    public static readonly WaldurOperation IdentityBridge = new("identity_bridge", HttpMethod.Post, "/api/identity-bridge/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>identity_bridge_allowed_fields_retrieve</c>: GET <c>/api/identity-bridge/allowed-fields/</c>.</summary>
    public static readonly WaldurOperation IdentityBridgeAllowedFieldsRetrieve = new("identity_bridge_allowed_fields_retrieve", HttpMethod.Get, "/api/identity-bridge/allowed-fields/", WaldurCallKind.Read);

    /// <summary><c>identity_bridge_remove</c>: POST <c>/api/identity-bridge/remove/</c>.</summary>
    public static readonly WaldurOperation IdentityBridgeRemove = new("identity_bridge_remove", HttpMethod.Post, "/api/identity-bridge/remove/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_component_usages_list</c>: GET <c>/api/marketplace-component-usages/</c>.</summary>
    public static readonly WaldurOperation MarketplaceComponentUsagesList = new("marketplace_component_usages_list", HttpMethod.Get, "/api/marketplace-component-usages/", WaldurCallKind.Read);

    /// <summary><c>marketplace_component_usages_set_user_usage</c>: POST <c>/api/marketplace-component-usages/{uuid}/set_user_usage/</c>.</summary>
    public static readonly WaldurOperation MarketplaceComponentUsagesSetUserUsage = new("marketplace_component_usages_set_user_usage", HttpMethod.Post, "/api/marketplace-component-usages/{uuid}/set_user_usage/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_component_usages_set_user_usages</c>: POST <c>/api/marketplace-component-usages/{uuid}/set_user_usages/</c>.</summary>
    public static readonly WaldurOperation MarketplaceComponentUsagesSetUserUsages = new("marketplace_component_usages_set_user_usages", HttpMethod.Post, "/api/marketplace-component-usages/{uuid}/set_user_usages/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_component_usages_set_usage</c>: POST <c>/api/marketplace-component-usages/set_usage/</c>.</summary>
    public static readonly WaldurOperation MarketplaceComponentUsagesSetUsage = new("marketplace_component_usages_set_usage", HttpMethod.Post, "/api/marketplace-component-usages/set_usage/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_component_user_usages_list</c>: GET <c>/api/marketplace-component-user-usages/</c>.</summary>
    public static readonly WaldurOperation MarketplaceComponentUserUsagesList = new("marketplace_component_user_usages_list", HttpMethod.Get, "/api/marketplace-component-user-usages/", WaldurCallKind.Read);

    /// <summary><c>marketplace_offering_users_list</c>: GET <c>/api/marketplace-offering-users/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOfferingUsersList = new("marketplace_offering_users_list", HttpMethod.Get, "/api/marketplace-offering-users/", WaldurCallKind.Read);

    /// <summary><c>marketplace_offering_users_partial_update</c>: PATCH <c>/api/marketplace-offering-users/{uuid}/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOfferingUsersPartialUpdate = new("marketplace_offering_users_partial_update", HttpMethod.Patch, "/api/marketplace-offering-users/{uuid}/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_offering_users_begin_creating</c>: POST <c>/api/marketplace-offering-users/{uuid}/begin_creating/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOfferingUsersBeginCreating = new("marketplace_offering_users_begin_creating", HttpMethod.Post, "/api/marketplace-offering-users/{uuid}/begin_creating/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_offering_users_set_error_creating</c>: POST <c>/api/marketplace-offering-users/{uuid}/set_error_creating/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOfferingUsersSetErrorCreating = new("marketplace_offering_users_set_error_creating", HttpMethod.Post, "/api/marketplace-offering-users/{uuid}/set_error_creating/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_offering_users_set_pending_account_linking</c>: POST <c>/api/marketplace-offering-users/{uuid}/set_pending_account_linking/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOfferingUsersSetPendingAccountLinking = new("marketplace_offering_users_set_pending_account_linking", HttpMethod.Post, "/api/marketplace-offering-users/{uuid}/set_pending_account_linking/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_offering_users_set_pending_additional_validation</c>: POST <c>/api/marketplace-offering-users/{uuid}/set_pending_additional_validation/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOfferingUsersSetPendingAdditionalValidation = new("marketplace_offering_users_set_pending_additional_validation", HttpMethod.Post, "/api/marketplace-offering-users/{uuid}/set_pending_additional_validation/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_offering_users_set_validation_complete</c>: POST <c>/api/marketplace-offering-users/{uuid}/set_validation_complete/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOfferingUsersSetValidationComplete = new("marketplace_offering_users_set_validation_complete", HttpMethod.Post, "/api/marketplace-offering-users/{uuid}/set_validation_complete/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_orders_list</c>: GET <c>/api/marketplace-orders/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersList = new("marketplace_orders_list", HttpMethod.Get, "/api/marketplace-orders/", WaldurCallKind.Read);

    /// <summary><c>marketplace_orders_create</c>: POST <c>/api/marketplace-orders/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersCreate = new("marketplace_orders_create", HttpMethod.Post, "/api/marketplace-orders/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_orders_retrieve</c>: GET <c>/api/marketplace-orders/{uuid}/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersRetrieve = new("marketplace_orders_retrieve", HttpMethod.Get, "/api/marketplace-orders/{uuid}/", WaldurCallKind.Read);

    /// <summary><c>marketplace_orders_approve_by_provider</c>: POST <c>/api/marketplace-orders/{uuid}/approve_by_provider/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersApproveByProvider = new("marketplace_orders_approve_by_provider", HttpMethod.Post, "/api/marketplace-orders/{uuid}/approve_by_provider/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_orders_reject_by_provider</c>: POST <c>/api/marketplace-orders/{uuid}/reject_by_provider/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersRejectByProvider = new("marketplace_orders_reject_by_provider", HttpMethod.Post, "/api/marketplace-orders/{uuid}/reject_by_provider/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_orders_set_backend_id</c>: POST <c>/api/marketplace-orders/{uuid}/set_backend_id/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersSetBackendId = new("marketplace_orders_set_backend_id", HttpMethod.Post, "/api/marketplace-orders/{uuid}/set_backend_id/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_orders_set_state_done</c>: POST <c>/api/marketplace-orders/{uuid}/set_state_done/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersSetStateDone = new("marketplace_orders_set_state_done", HttpMethod.Post, "/api/marketplace-orders/{uuid}/set_state_done/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_orders_set_state_erred</c>: POST <c>/api/marketplace-orders/{uuid}/set_state_erred/</c>.</summary>
    public static readonly WaldurOperation MarketplaceOrdersSetStateErred = new("marketplace_orders_set_state_erred", HttpMethod.Post, "/api/marketplace-orders/{uuid}/set_state_erred/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_plans_retrieve</c>: GET <c>/api/marketplace-plans/{uuid}/</c>.</summary>
    public static readonly WaldurOperation MarketplacePlansRetrieve = new("marketplace_plans_retrieve", HttpMethod.Get, "/api/marketplace-plans/{uuid}/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_offerings_retrieve</c>: GET <c>/api/marketplace-provider-offerings/{uuid}/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderOfferingsRetrieve = new("marketplace_provider_offerings_retrieve", HttpMethod.Get, "/api/marketplace-provider-offerings/{uuid}/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_offerings_check_unique_backend_id</c>: POST <c>/api/marketplace-provider-offerings/{uuid}/check_unique_backend_id/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderOfferingsCheckUniqueBackendId = new("marketplace_provider_offerings_check_unique_backend_id", HttpMethod.Post, "/api/marketplace-provider-offerings/{uuid}/check_unique_backend_id/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_offerings_create_offering_component</c>: POST <c>/api/marketplace-provider-offerings/{uuid}/create_offering_component/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderOfferingsCreateOfferingComponent = new("marketplace_provider_offerings_create_offering_component", HttpMethod.Post, "/api/marketplace-provider-offerings/{uuid}/create_offering_component/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_provider_offerings_list_course_accounts_list</c>: GET <c>/api/marketplace-provider-offerings/{uuid}/list_course_accounts/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderOfferingsListCourseAccountsList = new("marketplace_provider_offerings_list_course_accounts_list", HttpMethod.Get, "/api/marketplace-provider-offerings/{uuid}/list_course_accounts/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_offerings_list_project_service_accounts_list</c>: GET <c>/api/marketplace-provider-offerings/{uuid}/list_project_service_accounts/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderOfferingsListProjectServiceAccountsList = new("marketplace_provider_offerings_list_project_service_accounts_list", HttpMethod.Get, "/api/marketplace-provider-offerings/{uuid}/list_project_service_accounts/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_offerings_update_offering_component</c>: POST <c>/api/marketplace-provider-offerings/{uuid}/update_offering_component/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderOfferingsUpdateOfferingComponent = new("marketplace_provider_offerings_update_offering_component", HttpMethod.Post, "/api/marketplace-provider-offerings/{uuid}/update_offering_component/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_offerings_user_attribute_config_retrieve</c>: GET <c>/api/marketplace-provider-offerings/{uuid}/user-attribute-config/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderOfferingsUserAttributeConfigRetrieve = new("marketplace_provider_offerings_user_attribute_config_retrieve", HttpMethod.Get, "/api/marketplace-provider-offerings/{uuid}/user-attribute-config/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_resources_list</c>: GET <c>/api/marketplace-provider-resources/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesList = new("marketplace_provider_resources_list", HttpMethod.Get, "/api/marketplace-provider-resources/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_resources_retrieve</c>: GET <c>/api/marketplace-provider-resources/{uuid}/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesRetrieve = new("marketplace_provider_resources_retrieve", HttpMethod.Get, "/api/marketplace-provider-resources/{uuid}/", WaldurCallKind.Read);

    /// <summary><c>marketplace_provider_resources_refresh_last_sync</c>: POST <c>/api/marketplace-provider-resources/{uuid}/refresh_last_sync/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesRefreshLastSync = new("marketplace_provider_resources_refresh_last_sync", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/refresh_last_sync/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_resources_set_as_erred</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_as_erred/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetAsErred = new("marketplace_provider_resources_set_as_erred", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_as_erred/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_provider_resources_set_as_ok</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_as_ok/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetAsOk = new("marketplace_provider_resources_set_as_ok", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_as_ok/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_provider_resources_set_backend_id</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_backend_id/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetBackendId = new("marketplace_provider_resources_set_backend_id", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_backend_id/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_resources_set_backend_metadata</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_backend_metadata/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetBackendMetadata = new("marketplace_provider_resources_set_backend_metadata", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_backend_metadata/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_resources_set_effective_id</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_effective_id/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetEffectiveId = new("marketplace_provider_resources_set_effective_id", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_effective_id/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_resources_set_end_date</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_end_date/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetEndDate = new("marketplace_provider_resources_set_end_date", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_end_date/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_resources_set_endpoints</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_endpoints/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetEndpoints = new("marketplace_provider_resources_set_endpoints", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_endpoints/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_resources_set_limits</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_limits/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetLimits = new("marketplace_provider_resources_set_limits", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_limits/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_provider_resources_team_list</c>: GET <c>/api/marketplace-provider-resources/{uuid}/team/</c>.</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesTeamList = new("marketplace_provider_resources_team_list", HttpMethod.Get, "/api/marketplace-provider-resources/{uuid}/team/", WaldurCallKind.Read);

    /// <summary><c>marketplace_public_offerings_plans_list</c>: GET <c>/api/marketplace-public-offerings/{uuid}/plans/</c>.</summary>
    public static readonly WaldurOperation MarketplacePublicOfferingsPlansList = new("marketplace_public_offerings_plans_list", HttpMethod.Get, "/api/marketplace-public-offerings/{uuid}/plans/", WaldurCallKind.Read);

    /// <summary><c>marketplace_resources_list</c>: GET <c>/api/marketplace-resources/</c>.</summary>
    public static readonly WaldurOperation MarketplaceResourcesList = new("marketplace_resources_list", HttpMethod.Get, "/api/marketplace-resources/", WaldurCallKind.Read);

    /// <summary><c>marketplace_resources_retrieve</c>: GET <c>/api/marketplace-resources/{uuid}/</c>.</summary>
    public static readonly WaldurOperation MarketplaceResourcesRetrieve = new("marketplace_resources_retrieve", HttpMethod.Get, "/api/marketplace-resources/{uuid}/", WaldurCallKind.Read);

    /// <summary><c>marketplace_resources_set_end_date</c>: POST <c>/api/marketplace-resources/{uuid}/set_end_date/</c>.</summary>
    public static readonly WaldurOperation MarketplaceResourcesSetEndDate = new("marketplace_resources_set_end_date", HttpMethod.Post, "/api/marketplace-resources/{uuid}/set_end_date/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_resources_team_list</c>: GET <c>/api/marketplace-resources/{uuid}/team/</c>.</summary>
    public static readonly WaldurOperation MarketplaceResourcesTeamList = new("marketplace_resources_team_list", HttpMethod.Get, "/api/marketplace-resources/{uuid}/team/", WaldurCallKind.Read);

    /// <summary><c>marketplace_resources_terminate</c>: POST <c>/api/marketplace-resources/{uuid}/terminate/</c>.</summary>
    public static readonly WaldurOperation MarketplaceResourcesTerminate = new("marketplace_resources_terminate", HttpMethod.Post, "/api/marketplace-resources/{uuid}/terminate/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_resources_update_limits</c>: POST <c>/api/marketplace-resources/{uuid}/update_limits/</c>.</summary>
    public static readonly WaldurOperation MarketplaceResourcesUpdateLimits = new("marketplace_resources_update_limits", HttpMethod.Post, "/api/marketplace-resources/{uuid}/update_limits/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_service_providers_list</c>: GET <c>/api/marketplace-service-providers/</c>.</summary>
    public static readonly WaldurOperation MarketplaceServiceProvidersList = new("marketplace_service_providers_list", HttpMethod.Get, "/api/marketplace-service-providers/", WaldurCallKind.Read);

    /// <summary><c>marketplace_service_providers_keys_list</c>: GET <c>/api/marketplace-service-providers/{service_provider_uuid}/keys/</c>.</summary>
    public static readonly WaldurOperation MarketplaceServiceProvidersKeysList = new("marketplace_service_providers_keys_list", HttpMethod.Get, "/api/marketplace-service-providers/{service_provider_uuid}/keys/", WaldurCallKind.Read);

    /// <summary><c>marketplace_service_providers_projects_list</c>: GET <c>/api/marketplace-service-providers/{service_provider_uuid}/projects/</c>.</summary>
    public static readonly WaldurOperation MarketplaceServiceProvidersProjectsList = new("marketplace_service_providers_projects_list", HttpMethod.Get, "/api/marketplace-service-providers/{service_provider_uuid}/projects/", WaldurCallKind.Read);

    /// <summary><c>marketplace_site_agent_identities_list</c>: GET <c>/api/marketplace-site-agent-identities/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSiteAgentIdentitiesList = new("marketplace_site_agent_identities_list", HttpMethod.Get, "/api/marketplace-site-agent-identities/", WaldurCallKind.Read);

    /// <summary><c>marketplace_site_agent_identities_create</c>: POST <c>/api/marketplace-site-agent-identities/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSiteAgentIdentitiesCreate = new("marketplace_site_agent_identities_create", HttpMethod.Post, "/api/marketplace-site-agent-identities/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_site_agent_identities_update</c>: PUT <c>/api/marketplace-site-agent-identities/{uuid}/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSiteAgentIdentitiesUpdate = new("marketplace_site_agent_identities_update", HttpMethod.Put, "/api/marketplace-site-agent-identities/{uuid}/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_site_agent_identities_register_event_subscription</c>: POST <c>/api/marketplace-site-agent-identities/{uuid}/register_event_subscription/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSiteAgentIdentitiesRegisterEventSubscription = new("marketplace_site_agent_identities_register_event_subscription", HttpMethod.Post, "/api/marketplace-site-agent-identities/{uuid}/register_event_subscription/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_site_agent_identities_register_service</c>: POST <c>/api/marketplace-site-agent-identities/{uuid}/register_service/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSiteAgentIdentitiesRegisterService = new("marketplace_site_agent_identities_register_service", HttpMethod.Post, "/api/marketplace-site-agent-identities/{uuid}/register_service/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_site_agent_logs_create</c>: POST <c>/api/marketplace-site-agent-logs/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSiteAgentLogsCreate = new("marketplace_site_agent_logs_create", HttpMethod.Post, "/api/marketplace-site-agent-logs/", WaldurCallKind.GuardedWrite);

    /// <summary><c>marketplace_site_agent_services_register_processor</c>: POST <c>/api/marketplace-site-agent-services/{uuid}/register_processor/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSiteAgentServicesRegisterProcessor = new("marketplace_site_agent_services_register_processor", HttpMethod.Post, "/api/marketplace-site-agent-services/{uuid}/register_processor/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>marketplace_slurm_periodic_usage_policies_list</c>: GET <c>/api/marketplace-slurm-periodic-usage-policies/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSlurmPeriodicUsagePoliciesList = new("marketplace_slurm_periodic_usage_policies_list", HttpMethod.Get, "/api/marketplace-slurm-periodic-usage-policies/", WaldurCallKind.Read);

    /// <summary><c>marketplace_slurm_periodic_usage_policies_report_command_result</c>: POST <c>/api/marketplace-slurm-periodic-usage-policies/{uuid}/report-command-result/</c>.</summary>
    public static readonly WaldurOperation MarketplaceSlurmPeriodicUsagePoliciesReportCommandResult = new("marketplace_slurm_periodic_usage_policies_report_command_result", HttpMethod.Post, "/api/marketplace-slurm-periodic-usage-policies/{uuid}/report-command-result/", WaldurCallKind.GuardedWrite);

    /// <summary><c>projects_list</c>: GET <c>/api/projects/</c>.</summary>
    public static readonly WaldurOperation ProjectsList = new("projects_list", HttpMethod.Get, "/api/projects/", WaldurCallKind.Read);

    /// <summary><c>projects_create</c>: POST <c>/api/projects/</c>.</summary>
    public static readonly WaldurOperation ProjectsCreate = new("projects_create", HttpMethod.Post, "/api/projects/", WaldurCallKind.GuardedWrite);

    /// <summary><c>projects_partial_update</c>: PATCH <c>/api/projects/{uuid}/</c>.</summary>
    public static readonly WaldurOperation ProjectsPartialUpdate = new("projects_partial_update", HttpMethod.Patch, "/api/projects/{uuid}/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>projects_add_user</c>: POST <c>/api/projects/{uuid}/add_user/</c>.</summary>
    public static readonly WaldurOperation ProjectsAddUser = new("projects_add_user", HttpMethod.Post, "/api/projects/{uuid}/add_user/", WaldurCallKind.GuardedWrite);

    /// <summary><c>projects_delete_user</c>: POST <c>/api/projects/{uuid}/delete_user/</c>.</summary>
    public static readonly WaldurOperation ProjectsDeleteUser = new("projects_delete_user", HttpMethod.Post, "/api/projects/{uuid}/delete_user/", WaldurCallKind.GuardedWrite);

    /// <summary><c>projects_list_users_list</c>: GET <c>/api/projects/{uuid}/list_users/</c>.</summary>
    public static readonly WaldurOperation ProjectsListUsersList = new("projects_list_users_list", HttpMethod.Get, "/api/projects/{uuid}/list_users/", WaldurCallKind.Read);

    /// <summary><c>remote_eduteams</c>: POST <c>/api/remote-eduteams/</c>.</summary>
    public static readonly WaldurOperation RemoteEduteams = new("remote_eduteams", HttpMethod.Post, "/api/remote-eduteams/", WaldurCallKind.IdempotentWrite);

    /// <summary><c>roles_list</c>: GET <c>/api/roles/</c>.</summary>
    public static readonly WaldurOperation RolesList = new("roles_list", HttpMethod.Get, "/api/roles/", WaldurCallKind.Read);

    /// <summary><c>science_sub_domains_list</c>: GET <c>/api/science-sub-domains/</c>.</summary>
    public static readonly WaldurOperation ScienceSubDomainsList = new("science_sub_domains_list", HttpMethod.Get, "/api/science-sub-domains/", WaldurCallKind.Read);

    /// <summary><c>users_list</c>: GET <c>/api/users/</c>.</summary>
    public static readonly WaldurOperation UsersList = new("users_list", HttpMethod.Get, "/api/users/", WaldurCallKind.Read);

    /// <summary><c>users_me_retrieve</c>: GET <c>/api/users/me/</c>.</summary>
    public static readonly WaldurOperation UsersMeRetrieve = new("users_me_retrieve", HttpMethod.Get, "/api/users/me/", WaldurCallKind.Read);

    /// <summary><c>version_retrieve</c>: GET <c>/api/version/</c>.</summary>
    public static readonly WaldurOperation VersionRetrieve = new("version_retrieve", HttpMethod.Get, "/api/version/", WaldurCallKind.Read);

    // Operations of the 8.1.x API that schema 8.0.9 lacks; an 8.0.9 server answers them with 404.

    /// <summary><c>marketplace_provider_resources_set_membership_sync_statuses</c>: POST <c>/api/marketplace-provider-resources/{uuid}/set_membership_sync_statuses/</c> (8.1.x, beyond the 8.0.9 schema).</summary>
    public static readonly WaldurOperation MarketplaceProviderResourcesSetMembershipSyncStatuses = new("marketplace_provider_resources_set_membership_sync_statuses", HttpMethod.Post, "/api/marketplace-provider-resources/{uuid}/set_membership_sync_statuses/", WaldurCallKind.IdempotentWrite, InSchema: false);

    /// <summary><c>marketplace_resource_api_keys_list</c>: GET <c>/api/marketplace-resource-api-keys/</c> (8.1.x, beyond the 8.0.9 schema).</summary>
    public static readonly WaldurOperation MarketplaceResourceApiKeysList = new("marketplace_resource_api_keys_list", HttpMethod.Get, "/api/marketplace-resource-api-keys/", WaldurCallKind.Read, InSchema: false);

    /// <summary><c>marketplace_resource_api_keys_report_created</c>: POST <c>/api/marketplace-resource-api-keys/report_created/</c> (8.1.x, beyond the 8.0.9 schema).</summary>
    public static readonly WaldurOperation MarketplaceResourceApiKeysReportCreated = new("marketplace_resource_api_keys_report_created", HttpMethod.Post, "/api/marketplace-resource-api-keys/report_created/", WaldurCallKind.GuardedWrite, InSchema: false);

    /// <summary><c>marketplace_resource_api_keys_set_erred</c>: POST <c>/api/marketplace-resource-api-keys/{uuid}/set_erred/</c> (8.1.x, beyond the 8.0.9 schema).</summary>
    public static readonly WaldurOperation MarketplaceResourceApiKeysSetErred = new("marketplace_resource_api_keys_set_erred", HttpMethod.Post, "/api/marketplace-resource-api-keys/{uuid}/set_erred/", WaldurCallKind.IdempotentWrite, InSchema: false);

    /// <summary><c>marketplace_resource_api_keys_set_key</c>: POST <c>/api/marketplace-resource-api-keys/{uuid}/set_key/</c> (8.1.x, beyond the 8.0.9 schema).</summary>
    public static readonly WaldurOperation MarketplaceResourceApiKeysSetKey = new("marketplace_resource_api_keys_set_key", HttpMethod.Post, "/api/marketplace-resource-api-keys/{uuid}/set_key/", WaldurCallKind.IdempotentWrite, InSchema: false);

    /// <summary>All operations, schema ones first, in the schema's path order.</summary>
    public static IReadOnlyList<WaldurOperation> All { get; } =
    [
        BackendResourceRequestsRetrieve,
        BackendResourceRequestsSetDone,
        BackendResourceRequestsSetErred,
        BackendResourceRequestsStartProcessing,
        BackendResourcesList,
        BackendResourcesCreate,
        ComponentUserUsageLimitsList,
        EventSubscriptionsDestroy,
        EventSubscriptionsCreateQueue,
        IdentityBridge,
        IdentityBridgeAllowedFieldsRetrieve,
        IdentityBridgeRemove,
        MarketplaceComponentUsagesList,
        MarketplaceComponentUsagesSetUserUsage,
        MarketplaceComponentUsagesSetUserUsages,
        MarketplaceComponentUsagesSetUsage,
        MarketplaceComponentUserUsagesList,
        MarketplaceOfferingUsersList,
        MarketplaceOfferingUsersPartialUpdate,
        MarketplaceOfferingUsersBeginCreating,
        MarketplaceOfferingUsersSetErrorCreating,
        MarketplaceOfferingUsersSetPendingAccountLinking,
        MarketplaceOfferingUsersSetPendingAdditionalValidation,
        MarketplaceOfferingUsersSetValidationComplete,
        MarketplaceOrdersList,
        MarketplaceOrdersCreate,
        MarketplaceOrdersRetrieve,
        MarketplaceOrdersApproveByProvider,
        MarketplaceOrdersRejectByProvider,
        MarketplaceOrdersSetBackendId,
        MarketplaceOrdersSetStateDone,
        MarketplaceOrdersSetStateErred,
        MarketplacePlansRetrieve,
        MarketplaceProviderOfferingsRetrieve,
        MarketplaceProviderOfferingsCheckUniqueBackendId,
        MarketplaceProviderOfferingsCreateOfferingComponent,
        MarketplaceProviderOfferingsListCourseAccountsList,
        MarketplaceProviderOfferingsListProjectServiceAccountsList,
        MarketplaceProviderOfferingsUpdateOfferingComponent,
        MarketplaceProviderOfferingsUserAttributeConfigRetrieve,
        MarketplaceProviderResourcesList,
        MarketplaceProviderResourcesRetrieve,
        MarketplaceProviderResourcesRefreshLastSync,
        MarketplaceProviderResourcesSetAsErred,
        MarketplaceProviderResourcesSetAsOk,
        MarketplaceProviderResourcesSetBackendId,
        MarketplaceProviderResourcesSetBackendMetadata,
        MarketplaceProviderResourcesSetEffectiveId,
        MarketplaceProviderResourcesSetEndDate,
        MarketplaceProviderResourcesSetEndpoints,
        MarketplaceProviderResourcesSetLimits,
        MarketplaceProviderResourcesTeamList,
        MarketplacePublicOfferingsPlansList,
        MarketplaceResourcesList,
        MarketplaceResourcesRetrieve,
        MarketplaceResourcesSetEndDate,
        MarketplaceResourcesTeamList,
        MarketplaceResourcesTerminate,
        MarketplaceResourcesUpdateLimits,
        MarketplaceServiceProvidersList,
        MarketplaceServiceProvidersKeysList,
        MarketplaceServiceProvidersProjectsList,
        MarketplaceSiteAgentIdentitiesList,
        MarketplaceSiteAgentIdentitiesCreate,
        MarketplaceSiteAgentIdentitiesUpdate,
        MarketplaceSiteAgentIdentitiesRegisterEventSubscription,
        MarketplaceSiteAgentIdentitiesRegisterService,
        MarketplaceSiteAgentLogsCreate,
        MarketplaceSiteAgentServicesRegisterProcessor,
        MarketplaceSlurmPeriodicUsagePoliciesList,
        MarketplaceSlurmPeriodicUsagePoliciesReportCommandResult,
        ProjectsList,
        ProjectsCreate,
        ProjectsPartialUpdate,
        ProjectsAddUser,
        ProjectsDeleteUser,
        ProjectsListUsersList,
        RemoteEduteams,
        RolesList,
        ScienceSubDomainsList,
        UsersList,
        UsersMeRetrieve,
        VersionRetrieve,
        MarketplaceProviderResourcesSetMembershipSyncStatuses,
        MarketplaceResourceApiKeysList,
        MarketplaceResourceApiKeysReportCreated,
        MarketplaceResourceApiKeysSetErred,
        MarketplaceResourceApiKeysSetKey,
    ];
}
