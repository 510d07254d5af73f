using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Provider offerings, their components and accounts, and plans.</summary>
internal static class OfferingCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("marketplace_provider_offerings_retrieve", async w =>
        {
            var offering = await w.Client.GetProviderOfferingAsync(Ids.Offering, ["components", "customer_uuid", "partitions", "plugin_options"], Ct);

            Assert.Equal(["cpu", "mem"], offering.Components!.Select(c => c.Type));
            var cpu = offering.Components![0];
            Assert.Equal((BillingType.Limit, "k-Hours", 60000, LimitPeriod.Total), (cpu.BillingType, cpu.MeasuredUnit, cpu.UnitFactor, cpu.LimitPeriod));
            Assert.Equal(Ids.ProviderCustomer, offering.CustomerUuid);
            Assert.Equal(("cpu", "normal"), (offering.Partitions![0].PartitionName, offering.Partitions[0].Qos));
            Assert.Equal("service_provider", offering.PluginOptions!.UsernameGenerationPolicy);
            Assert.True(offering.PluginOptions.ServiceProviderCanCreateOfferingUser);
            Assert.Null(offering.Name);
        }),
        new("marketplace_provider_offerings_user_attribute_config_retrieve", async w =>
        {
            var config = await w.Client.GetOfferingUserAttributeConfigAsync(Ids.Offering, Ct);

            Assert.Equal(["full_name", "email", "username", "organization"], config.ExposedFields!);
        }),
        new("marketplace_provider_offerings_check_unique_backend_id", async w =>
        {
            var taken = await w.Client.CheckUniqueBackendIdAsync(Ids.Offering, new CheckUniqueBackendIdRequest { BackendId = "a_climate", CheckAllOfferings = false }, Ct);
            var free = await w.Client.CheckUniqueBackendIdAsync(Ids.Offering, new CheckUniqueBackendIdRequest { BackendId = "a_fresh" }, Ct);

            Assert.False(taken.IsUnique);
            Assert.True(free.IsUnique);
        }),
        new("marketplace_provider_offerings_create_offering_component", async w =>
        {
            await w.Client.CreateOfferingComponentAsync(
                Ids.Offering,
                new OfferingComponentRequest { Type = "gpu", Name = "GPU", BillingType = BillingType.Limit, MeasuredUnit = "GPU-Hours", UnitFactor = 60 },
                Ct);

            var gpu = w.Read(s => s.Offerings.At(Ids.Offering).Components.Single(c => c.Type == "gpu"));
            Assert.Equal(("GPU", BillingType.Limit, "GPU-Hours", 60L), (gpu.Name, gpu.BillingType, gpu.MeasuredUnit, gpu.UnitFactor));
            Assert.Null(gpu.LimitAmount);
        }),
        new("marketplace_provider_offerings_update_offering_component", async w =>
        {
            var cpu = Guid.Parse(w.Read(s => s.Offerings.At(Ids.Offering).Components.Single(c => c.Type == "cpu").Uuid));

            await w.Client.UpdateOfferingComponentAsync(
                Ids.Offering,
                new UpdateOfferingComponentRequest { Uuid = cpu, Type = "cpu", Name = "CPU cores", BillingType = BillingType.Limit, MeasuredUnit = "k-Hours", LimitAmount = 1000 },
                Ct);

            var component = w.Read(s => s.Offerings.At(Ids.Offering).Components.Single(c => c.Type == "cpu"));
            Assert.Equal(("CPU cores", 1000L), (component.Name, component.LimitAmount));
        }),
        new("marketplace_provider_offerings_list_course_accounts_list", async w =>
        {
            var accounts = await w.Client.ListCourseAccounts(Ids.Offering).ToListAsync(Ct);

            var account = Assert.Single(accounts);
            Assert.Equal(("course-01", Ids.TeachingProject, Ids.Carol), (account.Username, account.ProjectUuid, account.UserUuid));
        }),
        new("marketplace_provider_offerings_list_project_service_accounts_list", async w =>
        {
            var accounts = await w.Client.ListProjectServiceAccounts(Ids.Offering).ToListAsync(Ct);

            var account = Assert.Single(accounts);
            Assert.Equal(("svc-climate", Ids.Project, "svc@example.org"), (account.Username, account.ProjectUuid, account.Email));
        }),
        new("marketplace_plans_retrieve", async w =>
        {
            var plan = await w.Client.GetPlanAsync(Ids.Plan, Ct);

            Assert.Equal((Ids.Plan, "Default", BillingUnit.Month), (plan.Uuid, plan.Name, plan.Unit));
            Assert.Equal(100m, plan.Quotas!["cpu"]);
        }),
        new("marketplace_public_offerings_plans_list", async w =>
        {
            var plans = await w.Client.ListPublicOfferingPlansAsync(Ids.Offering, Ct);

            var plan = Assert.Single(plans);
            Assert.Equal((Ids.Plan, "Default"), (plan.Uuid, plan.Name));
            Assert.EndsWith($"/api/marketplace-plans/{Ids.Plan.Hex()}/", plan.Url);
        }),
    ];
}
