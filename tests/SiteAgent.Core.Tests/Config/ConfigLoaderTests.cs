using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Core.Config;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Tests.Config;

public class ConfigLoaderTests
{
    [Test]
    public async Task Load_MinimalOffering_MaterialisesReferenceDefaults()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering());

        await Assert.That(result.IsValid).IsTrue().Because(TestCatalog.Errors(result));
        var config = result.Config!;
        await Assert.That(config.Timezone).IsEqualTo("UTC");
        await Assert.That(config.ReportingPeriods).IsEqualTo(2);
        await Assert.That(config.ExposeBackendErrorDetails).IsTrue();
        var offering = await Assert.That(config.Offerings).HasSingleItem();
        await Assert.That(offering.OfferingUuid).IsEqualTo(Guid.Parse("d629d5e4-5567-425d-a9cd-bdc1af67b32c"));
        await Assert.That(offering.WaldurApiUrl).IsEqualTo(new Uri("https://portal.example.org/api/"));
        await Assert.That(offering.VerifySsl).IsTrue();
        await Assert.That(offering.UsernameManagementBackend).IsEqualTo("base");
        await Assert.That(offering.MembershipSyncBackend).IsEqualTo(string.Empty);
        await Assert.That(offering.Stomp.WsPort).IsEqualTo(443);
        await Assert.That(offering.Stomp.WsHost).IsEqualTo("portal.example.org");
        await Assert.That(offering.Stomp.WsPath).IsEqualTo("/rmqws-stomp");
        await Assert.That(((SlurmOptions)offering.BackendSettings["slurm"]).DefaultAccount).IsEqualTo("root");
        await Assert.That(offering.CommonSettings.BackendIdMaxRetries).IsEqualTo(50);
        await Assert.That(offering.Credentials).IsTypeOf<StaticTokenCredentials>();
    }

    [Test]
    public async Task Load_ApiUrlWithoutTrailingSlash_KeepsPathAndAddsSlash()
    {
        var yaml = TestCatalog.WithOffering().Replace("https://portal.example.org/api/", "https://hpc.uni/api", StringComparison.Ordinal);

        var offering = await Assert.That(TestCatalog.Load(yaml).Config!.Offerings).HasSingleItem();

        // The reference strips the characters a, p, i and / and would mangle this host.
        await Assert.That(offering.WaldurApiUrl.ToString()).IsEqualTo("https://hpc.uni/api/");
    }

    [Test]
    public async Task Load_DashedUuid_IsAccepted()
    {
        var yaml = TestCatalog.WithOffering().Replace("d629d5e45567425da9cdbdc1af67b32c", "d629d5e4-5567-425d-a9cd-bdc1af67b32c", StringComparison.Ordinal);

        await Assert.That(TestCatalog.Load(yaml).IsValid).IsTrue();
    }

    [Test]
    public async Task Load_OidcTriple_GivesOidcCredentials()
    {
        var yaml = TestCatalog.WithOffering().Replace("waldur_api_token: \"4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f\"",
            "waldur_api_token: \"\"\n    oidc_token_url: \"https://sso.example.org/token\"\n    oidc_client_id: \"agent\"\n    oidc_client_secret: \"kq8J2mZx7Vw1Lr4T\"", StringComparison.Ordinal);

        var result = TestCatalog.Load(yaml);

        await Assert.That(result.IsValid).IsTrue().Because(TestCatalog.Errors(result));
        var credentials = await Assert.That(result.Config!.Offerings[0].Credentials).IsTypeOf<OidcClientCredentials>();
        await Assert.That(credentials!.ClientId).IsEqualTo("agent");
        await Assert.That(credentials.ToString()).DoesNotContain("kq8J2mZx7Vw1Lr4T");
        await Assert.That(result.Secrets.Values).Contains("kq8J2mZx7Vw1Lr4T");
    }

    [Test]
    public async Task Load_Components_DefaultUnitFactorAndTargets()
    {
        var yaml = TestCatalog.WithOffering("""

                backend_components:
                  cpu:
                    measured_unit: "k-Hours"
                    unit_factor: 60_000
                    accounting_type: "limit"
                    label: "CPU"
                    limit_period: total
                  node_hours:
                    measured_unit: "Hours"
                    accounting_type: usage
                    label: "Node"
                    target_components:
                      cpu: {factor: 64}
                      gres/gpu:
            """);

        var result = TestCatalog.Load(yaml);

        await Assert.That(result.IsValid).IsTrue().Because(TestCatalog.Errors(result));
        var components = result.Config!.Offerings[0].Components;
        await Assert.That(components.Select(c => c.Type)).IsEquivalentTo(["cpu", "node_hours"], CollectionOrdering.Matching);
        await Assert.That(components[0].UnitFactor).IsEqualTo(60000m);
        await Assert.That(components[0].AccountingType).IsEqualTo(AccountingType.Limit);
        await Assert.That(components[0].WaldurFields.LimitPeriod).IsEqualTo("total");
        await Assert.That(components[1].UnitFactor).IsEqualTo(1m);
        await Assert.That(components[1].TargetComponents).IsEquivalentTo([new TargetComponent("cpu", 64m), new TargetComponent("gres/gpu", 1m)], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Load_StompMembershipWithoutStomp_WarnsMisconfigurationButLoads()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    stomp_membership_sync_enabled: true\n"));

        await Assert.That(result.IsValid).IsTrue().Because(TestCatalog.Errors(result));
        var warning = await Assert.That(result.Warnings).HasSingleItem(w => w.Path.EndsWith("stomp_membership_sync_enabled", StringComparison.Ordinal));
        await Assert.That(warning.Message).StartsWith("MISCONFIGURATION");
    }

    [Test]
    public async Task Load_YamlBooleansAndQuotedNumbers_AreCoercedLikeTheReference()
    {
        var yaml = "reporting_periods: \"3\"\nexpose_backend_error_details: no\n" + TestCatalog.WithOffering("\n    verify_ssl: off\n");

        var config = TestCatalog.Load(yaml).Config!;

        await Assert.That(config.ReportingPeriods).IsEqualTo(3);
        await Assert.That(config.ExposeBackendErrorDetails).IsFalse();
        await Assert.That(config.Offerings[0].VerifySsl).IsFalse();
    }

    [Test]
    public async Task Load_MissingBaseBackendInBuild_DisablesUsernameGenerationByDefault()
    {
        var catalog = new Core.Backends.BackendCatalog(TestCatalog.Create().All.Where(d => d.Id != "base"));

        var result = new ConfigLoader(catalog).LoadText("/t.yaml", TestCatalog.WithOffering());

        await Assert.That(result.IsValid).IsTrue();
        await Assert.That(result.Config!.Offerings[0].UsernameManagementBackend).IsEqualTo(string.Empty);
    }
}
