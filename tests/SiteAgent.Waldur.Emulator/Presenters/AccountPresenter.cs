using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Offering users, identity-bridge results and resource API keys.</summary>
public static class AccountPresenter
{
    public static JsonObject OfferingUser(ApiLinks links, OfferingUser ou) => new()
    {
        ["url"] = links.OfferingUser(ou.Uuid),
        ["uuid"] = ou.Uuid,
        ["user"] = links.User(ou.User.Uuid),
        ["offering"] = links.Offering(ou.Offering.Uuid),
        ["username"] = ou.Username,
        ["offering_uuid"] = ou.Offering.Uuid,
        ["offering_name"] = ou.Offering.Name,
        ["user_uuid"] = ou.User.Uuid,
        ["user_username"] = ou.User.Username,
        ["user_full_name"] = ou.User.FullName,
        ["user_first_name"] = ou.User.FirstName,
        ["user_last_name"] = ou.User.LastName,
        ["user_email"] = ou.User.Email,
        ["user_phone_number"] = ou.User.PhoneNumber,
        ["user_organization"] = ou.User.Organization,
        ["user_job_title"] = ou.User.JobTitle,
        ["user_affiliations"] = Formats.Strings(ou.User.Affiliations),
        ["user_civil_number"] = ou.User.CivilNumber,
        ["user_identity_source"] = ou.User.IdentitySource,
        ["created"] = Formats.Iso(ou.Created),
        ["modified"] = Formats.Iso(ou.Modified),
        ["customer_uuid"] = ou.Offering.Customer.Uuid,
        ["customer_name"] = ou.Offering.Customer.Name,
        ["is_restricted"] = ou.IsRestricted,
        ["state"] = ou.State,
        ["runtime_state"] = ou.State switch
        {
            OfferingUserStates.PendingAccountLinking or OfferingUserStates.PendingAdditionalValidation => ou.State,
            _ => "Active",
        },
        ["service_provider_comment"] = ou.ServiceProviderComment,
        ["service_provider_comment_url"] = ou.ServiceProviderCommentUrl,
        ["has_consent"] = ou.HasConsent,
        ["requires_reconsent"] = false,
        ["offering_has_active_tos"] = false,
        ["has_compliance_checklist"] = false,
        ["is_profile_complete"] = true,
    };

    /// <summary>An API key as 8.1.x lists it; the secret itself is never returned.</summary>
    public static JsonObject ApiKey(ApiLinks links, ResourceApiKey key) => new()
    {
        ["url"] = links.To("marketplace-resource-api-keys", key.Uuid),
        ["uuid"] = key.Uuid,
        ["resource"] = links.Resource(key.Resource.Uuid),
        ["resource_uuid"] = key.Resource.Uuid,
        ["resource_backend_id"] = key.Resource.BackendId,
        ["client_id"] = key.ClientId,
        ["state"] = key.State,
        ["error_message"] = key.ErrorMessage,
        ["created"] = Formats.Iso(key.Created),
        ["modified"] = Formats.Iso(key.Modified),
    };
}
