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

            await Assert.That(offering.Components!.Select(c => c.Type)).IsEquivalentTo<IEnumerable<string?>, string?>(["cpu", "mem"], CollectionOrdering.Matching);
            var cpu = offering.Components![0];
            await Assert.That((cpu.BillingType, cpu.MeasuredUnit, cpu.UnitFactor, cpu.LimitPeriod)).IsEqualTo((BillingType.Limit, "k-Hours", 60000, LimitPeriod.Total));
            await Assert.That(offering.CustomerUuid).IsEqualTo(Ids.ProviderCustomer);
            await Assert.That((offering.Partitions![0].PartitionName, offering.Partitions[0].Qos)).IsEqualTo(("cpu", "normal"));
            await Assert.That(offering.PluginOptions!.UsernameGenerationPolicy).IsEqualTo("service_provider");
            await Assert.That(offering.PluginOptions.ServiceProviderCanCreateOfferingUser).IsTrue();
            await Assert.That(offering.Name).IsNull();
        }),
        new("marketplace_provider_offerings_user_attribute_config_retrieve", async w =>
        {
            var config = await w.Client.GetOfferingUserAttributeConfigAsync(Ids.Offering, Ct);

            await Assert.That(config.ExposedFields!).IsEquivalentTo(["full_name", "email", "username", "organization"], CollectionOrdering.Matching);
        }),
        new("marketplace_provider_offerings_check_unique_backend_id", async w =>
        {
            var taken = await w.Client.CheckUniqueBackendIdAsync(Ids.Offering, new CheckUniqueBackendIdRequest { BackendId = "a_climate", CheckAllOfferings = false }, Ct);
            var free = await w.Client.CheckUniqueBackendIdAsync(Ids.Offering, new CheckUniqueBackendIdRequest { BackendId = "a_fresh" }, Ct);

            await Assert.That(taken.IsUnique).IsFalse();
            await Assert.That(free.IsUnique).IsTrue();
        }),
        new("marketplace_provider_offerings_create_offering_component", async w =>
        {
            await w.Client.CreateOfferingComponentAsync(
                Ids.Offering,
                new OfferingComponentRequest { Type = "gpu", Name = "GPU", BillingType = BillingType.Limit, MeasuredUnit = "GPU-Hours", UnitFactor = 60 },
                Ct);

            var gpu = w.Read(s => s.Offerings.At(Ids.Offering).Components.Single(c => c.Type == "gpu"));
            await Assert.That((gpu.Name, gpu.BillingType, gpu.MeasuredUnit, gpu.UnitFactor)).IsEqualTo(("GPU", BillingType.Limit, "GPU-Hours", 60L));
            await Assert.That(gpu.LimitAmount).IsNull();
        }),
        new("marketplace_provider_offerings_update_offering_component", async w =>
        {
            var cpu = Guid.Parse(w.Read(s => s.Offerings.At(Ids.Offering).Components.Single(c => c.Type == "cpu").Uuid));

            await w.Client.UpdateOfferingComponentAsync(
                Ids.Offering,
                new UpdateOfferingComponentRequest { Uuid = cpu, Type = "cpu", Name = "CPU cores", BillingType = BillingType.Limit, MeasuredUnit = "k-Hours", LimitAmount = 1000 },
                Ct);

            var component = w.Read(s => s.Offerings.At(Ids.Offering).Components.Single(c => c.Type == "cpu"));
            await Assert.That((component.Name, component.LimitAmount)).IsEqualTo(("CPU cores", 1000L));
        }),
        new("marketplace_provider_offerings_list_course_accounts_list", async w =>
        {
            var accounts = await w.Client.ListCourseAccounts(Ids.Offering).ToListAsync(Ct);

            var account = await Assert.That(accounts).HasSingleItem();
            await Assert.That((account.Username, account.ProjectUuid, account.UserUuid)).IsEqualTo(("course-01", Ids.TeachingProject, Ids.Carol));
        }),
        new("marketplace_provider_offerings_list_project_service_accounts_list", async w =>
        {
            var accounts = await w.Client.ListProjectServiceAccounts(Ids.Offering).ToListAsync(Ct);

            var account = await Assert.That(accounts).HasSingleItem();
            await Assert.That((account.Username, account.ProjectUuid, account.Email)).IsEqualTo(("svc-climate", Ids.Project, "svc@example.org"));
        }),
        new("marketplace_plans_retrieve", async w =>
        {
            var plan = await w.Client.GetPlanAsync(Ids.Plan, Ct);

            await Assert.That((plan.Uuid, plan.Name, plan.Unit)).IsEqualTo((Ids.Plan, "Default", BillingUnit.Month));
            await Assert.That(plan.Quotas!["cpu"]).IsEqualTo(100m);
        }),
        new("marketplace_public_offerings_plans_list", async w =>
        {
            var plans = await w.Client.ListPublicOfferingPlansAsync(Ids.Offering, Ct);

            var plan = await Assert.That(plans).HasSingleItem();
            await Assert.That((plan.Uuid, plan.Name)).IsEqualTo((Ids.Plan, "Default"));
            await Assert.That(plan.Url).EndsWith($"/api/marketplace-plans/{Ids.Plan.Hex()}/");
        }),
    ];
}
