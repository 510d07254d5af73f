using SiteAgent.Backends.Model;
using SiteAgent.Core.Config;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Tests.Config;

public class ConfigLoaderTests
{
    [Fact]
    public void Load_MinimalOffering_MaterialisesReferenceDefaults()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering());

        Assert.True(result.IsValid, TestCatalog.Errors(result));
        var config = result.Config!;
        Assert.Equal("UTC", config.Timezone);
        Assert.Equal(2, config.ReportingPeriods);
        Assert.True(config.ExposeBackendErrorDetails);
        var offering = Assert.Single(config.Offerings);
        Assert.Equal(Guid.Parse("d629d5e4-5567-425d-a9cd-bdc1af67b32c"), offering.OfferingUuid);
        Assert.Equal(new Uri("https://portal.example.org/api/"), offering.WaldurApiUrl);
        Assert.True(offering.VerifySsl);
        Assert.Equal("base", offering.UsernameManagementBackend);
        Assert.Equal(string.Empty, offering.MembershipSyncBackend);
        Assert.Equal(443, offering.Stomp.WsPort);
        Assert.Equal("portal.example.org", offering.Stomp.WsHost);
        Assert.Equal("/rmqws-stomp", offering.Stomp.WsPath);
        Assert.Equal("root", offering.CommonSettings.DefaultAccount);
        Assert.Equal(50, offering.CommonSettings.BackendIdMaxRetries);
        Assert.IsType<StaticTokenCredentials>(offering.Credentials);
    }

    [Fact]
    public void Load_ApiUrlWithoutTrailingSlash_KeepsPathAndAddsSlash()
    {
        var yaml = TestCatalog.WithOffering().Replace("https://portal.example.org/api/", "https://hpc.uni/api", StringComparison.Ordinal);

        var offering = Assert.Single(TestCatalog.Load(yaml).Config!.Offerings);

        // The reference strips the characters a, p, i and / and would mangle this host.
        Assert.Equal("https://hpc.uni/api/", offering.WaldurApiUrl.ToString());
    }

    [Fact]
    public void Load_DashedUuid_IsAccepted()
    {
        var yaml = TestCatalog.WithOffering().Replace("d629d5e45567425da9cdbdc1af67b32c", "d629d5e4-5567-425d-a9cd-bdc1af67b32c", StringComparison.Ordinal);

        Assert.True(TestCatalog.Load(yaml).IsValid);
    }

    [Fact]
    public void Load_OidcTriple_GivesOidcCredentials()
    {
        var yaml = TestCatalog.WithOffering().Replace("waldur_api_token: \"4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f\"",
            "waldur_api_token: \"\"\n    oidc_token_url: \"https://sso.example.org/token\"\n    oidc_client_id: \"agent\"\n    oidc_client_secret: \"kq8J2mZx7Vw1Lr4T\"", StringComparison.Ordinal);

        var result = TestCatalog.Load(yaml);

        Assert.True(result.IsValid, TestCatalog.Errors(result));
        var credentials = Assert.IsType<OidcClientCredentials>(result.Config!.Offerings[0].Credentials);
        Assert.Equal("agent", credentials.ClientId);
        Assert.DoesNotContain("kq8J2mZx7Vw1Lr4T", credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains("kq8J2mZx7Vw1Lr4T", result.Secrets.Values);
    }

    [Fact]
    public void Load_Components_DefaultUnitFactorAndTargets()
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

        Assert.True(result.IsValid, TestCatalog.Errors(result));
        var components = result.Config!.Offerings[0].Components;
        Assert.Equal(["cpu", "node_hours"], components.Select(c => c.Type));
        Assert.Equal(60000m, components[0].UnitFactor);
        Assert.Equal(AccountingType.Limit, components[0].AccountingType);
        Assert.Equal("total", components[0].WaldurFields.LimitPeriod);
        Assert.Equal(1m, components[1].UnitFactor);
        Assert.Equal([new TargetComponent("cpu", 64m), new TargetComponent("gres/gpu", 1m)], components[1].TargetComponents);
    }

    [Fact]
    public void Load_StompMembershipWithoutStomp_WarnsMisconfigurationButLoads()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    stomp_membership_sync_enabled: true\n"));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings, w => w.Path.EndsWith("stomp_membership_sync_enabled", StringComparison.Ordinal));
        Assert.StartsWith("MISCONFIGURATION", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YamlBooleansAndQuotedNumbers_AreCoercedLikeTheReference()
    {
        var yaml = "reporting_periods: \"3\"\nexpose_backend_error_details: no\n" + TestCatalog.WithOffering("\n    verify_ssl: off\n");

        var config = TestCatalog.Load(yaml).Config!;

        Assert.Equal(3, config.ReportingPeriods);
        Assert.False(config.ExposeBackendErrorDetails);
        Assert.False(config.Offerings[0].VerifySsl);
    }

    [Fact]
    public void Load_MissingBaseBackendInBuild_DisablesUsernameGenerationByDefault()
    {
        var catalog = new Core.Backends.BackendCatalog(TestCatalog.Create().All.Where(d => d.Id != "base"));

        var result = new ConfigLoader(catalog).LoadText("/t.yaml", TestCatalog.WithOffering());

        Assert.True(result.IsValid, TestCatalog.Errors(result));
        Assert.Equal(string.Empty, result.Config!.Offerings[0].UsernameManagementBackend);
    }
}
