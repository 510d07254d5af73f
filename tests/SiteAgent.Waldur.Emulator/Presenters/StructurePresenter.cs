using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.Http;
using SiteAgent.Waldur.Emulator.State;
using ServiceProvider = SiteAgent.Waldur.Emulator.State.ServiceProvider;

namespace SiteAgent.Waldur.Emulator.Presenters;

/// <summary>Users, projects, team members and roles.</summary>
public static class StructurePresenter
{
    public static JsonObject User(ApiLinks links, User user) => new()
    {
        ["url"] = links.User(user.Uuid),
        ["uuid"] = user.Uuid,
        ["username"] = user.Username,
        ["slug"] = EmulatorState.Slugify(user.Username, []),
        ["full_name"] = user.FullName,
        ["first_name"] = user.FirstName,
        ["last_name"] = user.LastName,
        ["email"] = user.Email,
        ["organization"] = user.Organization,
        ["job_title"] = user.JobTitle,
        ["phone_number"] = user.PhoneNumber,
        ["civil_number"] = user.CivilNumber,
        ["affiliations"] = Formats.Strings(user.Affiliations),
        ["is_staff"] = user.IsStaff,
        ["is_support"] = user.IsSupport,
        ["is_active"] = user.IsActive,
        ["identity_source"] = user.IdentitySource,
        ["registration_method"] = "default",
        ["date_joined"] = Formats.Iso(user.Created),
    };

    /// <summary><c>UserMe</c>: the user plus the permissions the agent logs at start-up.</summary>
    public static JsonObject Me(ApiLinks links, EmulatorState state, User user)
    {
        var me = User(links, user);
        me["ip_address"] = "127.0.0.1";
        var permissions = new JsonArray();
        foreach (var project in state.Projects)
            foreach (var member in project.Members.Where(m => m.User == user))
                permissions.Add(new JsonObject
                {
                    ["user_uuid"] = user.Uuid,
                    ["user_name"] = user.FullName,
                    ["role_name"] = member.Role.Name,
                    ["role_uuid"] = member.Role.Uuid,
                    ["scope_type"] = "project",
                    ["scope_uuid"] = project.Uuid,
                    ["scope_name"] = project.Name,
                    ["customer_uuid"] = project.Customer.Uuid,
                    ["customer_name"] = project.Customer.Name,
                    ["project_uuid"] = project.Uuid,
                    ["expiration_time"] = Formats.Iso(member.ExpirationTime),
                    ["created"] = Formats.Iso(member.Created),
                });
        me["permissions"] = permissions;
        return me;
    }

    public static JsonObject Project(ApiLinks links, Project project) => new()
    {
        ["url"] = links.Project(project.Uuid),
        ["uuid"] = project.Uuid,
        ["name"] = project.Name,
        ["slug"] = project.Slug,
        ["customer"] = links.Customer(project.Customer.Uuid),
        ["customer_uuid"] = project.Customer.Uuid,
        ["customer_name"] = project.Customer.Name,
        ["customer_slug"] = project.Customer.Slug,
        ["customer_native_name"] = project.Customer.NativeName,
        ["customer_abbreviation"] = project.Customer.Abbreviation,
        ["description"] = project.Description,
        ["created"] = Formats.Iso(project.Created),
        ["backend_id"] = project.BackendId,
        ["start_date"] = Formats.Date(project.StartDate),
        ["end_date"] = Formats.Date(project.EndDate),
        ["end_date_updated_at"] = Formats.Iso(project.EndDateUpdatedAt),
        ["effective_end_date"] = Formats.Date(project.EndDate),
        ["oecd_fos_2007_code"] = project.OecdFos2007Code,
        ["is_industry"] = project.IsIndustry,
        ["kind"] = project.Kind,
        ["staff_notes"] = project.StaffNotes,
        ["grace_period_days"] = project.GracePeriodDays,
        ["resources_count"] = 0,
        ["science_sub_domain"] = project.ScienceSubDomain?.Uuid,
        ["science_sub_domain_name"] = project.ScienceSubDomain?.Name ?? "",
        ["science_sub_domain_code"] = project.ScienceSubDomain?.Code ?? "",
        ["science_domain_uuid"] = project.ScienceSubDomain?.DomainUuid ?? new string('0', 32),
        ["science_domain_name"] = project.ScienceSubDomain?.DomainName ?? "",
        ["science_domain_code"] = project.ScienceSubDomain?.DomainCode ?? "",
    };

    /// <summary>A team member as <c>…/team/</c> lists it (<c>ProjectUser</c>), with the offering user of the resource's offering.</summary>
    public static JsonObject TeamMember(ApiLinks links, ProjectMember member, OfferingUser? offeringUser) => new()
    {
        ["url"] = links.User(member.User.Uuid),
        ["uuid"] = member.User.Uuid,
        ["username"] = member.User.Username,
        ["full_name"] = member.User.FullName,
        ["email"] = member.User.Email,
        ["role"] = member.Role.Name,
        ["expiration_time"] = Formats.Iso(member.ExpirationTime),
        ["offering_user_username"] = offeringUser?.Username,
        ["offering_user_state"] = offeringUser?.State,
    };

    public static JsonObject UserRole(ProjectMember member) => new()
    {
        ["uuid"] = member.Uuid,
        ["created"] = Formats.Iso(member.Created),
        ["expiration_time"] = Formats.Iso(member.ExpirationTime),
        ["role_name"] = member.Role.Name,
        ["role_uuid"] = member.Role.Uuid,
        ["user_email"] = member.User.Email,
        ["user_full_name"] = member.User.FullName,
        ["user_username"] = member.User.Username,
        ["user_uuid"] = member.User.Uuid,
        ["created_by_full_name"] = member.CreatedBy?.FullName ?? "",
        ["created_by_uuid"] = member.CreatedBy?.Uuid ?? new string('0', 32),
    };

    public static JsonObject Role(EmulatorState state, Role role) => new()
    {
        ["uuid"] = role.Uuid,
        ["name"] = role.Name,
        ["description"] = role.Description,
        ["is_system_role"] = role.IsSystemRole,
        ["is_active"] = role.IsActive,
        ["users_count"] = state.Projects.Sum(p => p.Members.Count(m => m.Role == role)),
        ["content_type"] = role.ContentType,
    };

    public static JsonObject ScienceSubDomain(ApiLinks links, ScienceSubDomain domain, int projects) => new()
    {
        ["uuid"] = domain.Uuid,
        ["url"] = links.To("science-sub-domains", domain.Uuid),
        ["code"] = domain.Code,
        ["name"] = domain.Name,
        ["domain"] = links.To("science-domains", domain.DomainUuid),
        ["domain_uuid"] = domain.DomainUuid,
        ["domain_name"] = domain.DomainName,
        ["domain_code"] = domain.DomainCode,
        ["created"] = Formats.Iso(domain.Created),
        ["modified"] = Formats.Iso(domain.Modified),
        ["projects_count"] = projects,
    };

    public static JsonObject ServiceProvider(ApiLinks links, ServiceProvider provider, int offerings) => new()
    {
        ["url"] = links.To("marketplace-service-providers", provider.Uuid),
        ["uuid"] = provider.Uuid,
        ["created"] = Formats.Iso(provider.Created),
        ["description"] = provider.Description,
        ["customer"] = links.Customer(provider.Customer.Uuid),
        ["customer_uuid"] = provider.Customer.Uuid,
        ["customer_name"] = provider.Customer.Name,
        ["customer_slug"] = provider.Customer.Slug,
        ["customer_abbreviation"] = provider.Customer.Abbreviation,
        ["customer_native_name"] = provider.Customer.NativeName,
        ["customer_country"] = provider.Customer.Country,
        ["offering_count"] = offerings,
    };

    public static JsonObject SshKey(ApiLinks links, SshKey key) => new()
    {
        ["url"] = links.To("keys", key.Uuid),
        ["uuid"] = key.Uuid,
        ["name"] = key.Name,
        ["public_key"] = key.PublicKey,
        ["fingerprint_md5"] = Fingerprint(key.PublicKey),
        ["user_uuid"] = key.UserUuid,
        ["is_shared"] = key.IsShared,
        ["type"] = key.PublicKey.Split(' ')[0],
    };

    private static string Fingerprint(string publicKey)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(publicKey)).AsSpan(0, 16).ToArray();
        return string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
