
namespace SiteAgent.Core.Tests.Config;

public class ConfigErrorTests
{
    [Test]
    public async Task Load_NonNumericUnitFactor_NamesPathLineAndColumn()
    {
        var yaml = "offerings:\n" + TestCatalog.Offering + "\n" + TestCatalog.Offering + """

                backend_components:
                  cpu:
                    measured_unit: "k-Hours"
                    unit_factor: "abc"
                    accounting_type: "limit"
                    label: "CPU"
            """;

        var result = TestCatalog.Load(yaml);

        await Assert.That(result.IsValid).IsFalse();
        var error = await Assert.That(result.Errors).HasSingleItem();
        await Assert.That(error.ToString()).IsEqualTo("offerings[1].backend_components.cpu.unit_factor: expected a number, got \"abc\" (line 17, column 22)");
    }

    [Test]
    public async Task Load_MisspeltTopLevelKey_SuggestsTheKnownKey()
    {
        var result = TestCatalog.Load("timezon: UTC\n" + TestCatalog.WithOffering());

        await Assert.That((await Assert.That(result.Errors).HasSingleItem()).ToString()).IsEqualTo("timezon: unknown key (did you mean \"timezone\"?) (line 1, column 1)");
    }

    [Test]
    public async Task Load_MisspeltOfferingKey_SuggestsTheKnownKey()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    membership_sync_backnd: slurm\n"));

        var error = await Assert.That(result.Errors).HasSingleItem();
        await Assert.That(error.Path).IsEqualTo("offerings[0].membership_sync_backnd");
        await Assert.That(error.Message).Contains("did you mean \"membership_sync_backend\"?");
    }

    [Test]
    public async Task Load_MisspeltBackendSettingsKey_SuggestsTheBackendsOwnKey()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_settings:\n      default_account: root\n      clustr_name: rocket\n"));

        var error = await Assert.That(result.Errors).HasSingleItem();
        await Assert.That(error.ToString()).IsEqualTo("offerings[0].backend_settings.clustr_name: unknown key (did you mean \"cluster_name\"?) (line 10, column 7)");
    }

    [Test]
    public async Task Load_NoToken_IsRejected()
    {
        var yaml = TestCatalog.WithOffering().Replace("waldur_api_token: \"4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f\"", "waldur_api_token: \"\"", StringComparison.Ordinal);

        var error = await Assert.That(TestCatalog.Load(yaml).Errors).HasSingleItem();

        await Assert.That(error.Message).Contains("Either waldur_api_token or all of oidc_token_url, oidc_client_id, oidc_client_secret must be set");
    }

    [Test]
    public async Task Load_IncompleteOidc_IsRejected()
    {
        var yaml = TestCatalog.WithOffering().Replace("waldur_api_token: \"4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f\"", "oidc_token_url: https://sso.example.org/t\n    oidc_client_id: a", StringComparison.Ordinal);

        await Assert.That(TestCatalog.Load(yaml).IsValid).IsFalse();
    }

    [Test]
    public async Task Load_BadUuid_IsRejectedWithTheValue()
    {
        var yaml = TestCatalog.WithOffering().Replace("d629d5e45567425da9cdbdc1af67b32c", "d629d5e4-not-a-uuid", StringComparison.Ordinal);

        var error = await Assert.That(TestCatalog.Load(yaml).Errors).HasSingleItem();

        await Assert.That(error.Path).IsEqualTo("offerings[0].waldur_offering_uuid");
        await Assert.That(error.Message).Contains("\"d629d5e4-not-a-uuid\"");
    }

    [Test]
    [Arguments("offerings: []\n")]
    [Arguments("timezone: UTC\n")]
    public async Task Load_NoOfferings_IsRejected(string yaml)
    {
        var error = await Assert.That(TestCatalog.Load(yaml).Errors).HasSingleItem();

        await Assert.That(error.Message).Contains("offering");
    }

    [Test]
    public async Task Load_BackendNotInBuild_IsRejectedWithHint()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    reporting_backend: slurn\n"));

        var error = await Assert.That(result.Errors).HasSingleItem();
        await Assert.That(error.Path).IsEqualTo("offerings[0].reporting_backend");
        await Assert.That(error.Message).IsEqualTo("backend \"slurn\" is not in this build (available: base, slurm); did you mean \"slurm\"?");
    }

    [Test]
    public async Task Load_BackendWithoutTheRolesCapability_IsRejected()
    {
        var yaml = TestCatalog.WithOffering().Replace("order_processing_backend: \"slurm\"", "order_processing_backend: \"base\"", StringComparison.Ordinal);

        var error = await Assert.That(TestCatalog.Load(yaml).Errors).HasSingleItem();

        await Assert.That(error.Message).IsEqualTo("backend \"base\" cannot process orders (its capabilities: username_management)");
    }

    [Test]
    public async Task Load_YamlSyntaxError_ReportsLineAndColumn()
    {
        var result = TestCatalog.Load("offerings:\n  - name: \"x\n    waldur_api_url: [\n");

        var error = await Assert.That(result.Errors).HasSingleItem();
        await Assert.That(error.Message).StartsWith("YAML syntax error:");
        await Assert.That(error.Location).IsNotNull();
    }

    [Test]
    public async Task Load_DuplicateKey_IsRejectedWithItsPosition()
    {
        var result = TestCatalog.Load("timezone: UTC\ntimezone: Europe/Tallinn\n" + TestCatalog.WithOffering());

        var error = await Assert.That(result.Errors).HasSingleItem();
        await Assert.That(error.ToString()).IsEqualTo("Duplicate key timezone (line 2, column 1)");
    }

    [Test]
    [Arguments("")]
    [Arguments("# only a comment\n")]
    [Arguments("just a string\n")]
    public async Task Load_EmptyOrScalarFile_IsRejectedReadably(string yaml)
    {
        var result = TestCatalog.Load(yaml);

        await Assert.That(result.IsValid).IsFalse();
        await Assert.That((await Assert.That(result.Errors).HasSingleItem()).Message).Contains("mapping");
    }

    [Test]
    [Arguments("timezone: \"\"\n", "Unknown timezone")]
    [Arguments("timezone: Mars/Olympus\n", "Unknown timezone")]
    [Arguments("log_level: verbose\n", "expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL")]
    [Arguments("reporting_periods: 13\n", "must be at most 12")]
    [Arguments("sentry_dsn: not-a-url\n", "sentry_dsn must be a valid URL")]
    [Arguments("log_shipping:\n  ship_interval_seconds: 5\n", "must be at least 10")]
    public async Task Load_InvalidRootValue_IsRejected(string line, string message)
    {
        var result = TestCatalog.Load(line + TestCatalog.WithOffering());

        await Assert.That((await Assert.That(result.Errors).HasSingleItem()).Message).Contains(message);
    }

    [Test]
    public async Task Load_MissingFile_SaysSoWithThePath()
    {
        var result = new Core.Config.ConfigLoader(TestCatalog.Create()).Load("/nonexistent/agent.yaml");

        await Assert.That((await Assert.That(result.Errors).HasSingleItem()).Message).IsEqualTo("cannot read /nonexistent/agent.yaml: no such file (pass the config with -c/--config-file)");
    }

    [Test]
    public async Task ErrorReport_ListsEveryProblemUnderAHeaderNamingTheFile()
    {
        var result = TestCatalog.Load("log_level: loud\nreporting_periods: 0\n" + TestCatalog.WithOffering());

        var report = result.ErrorReport();

        await Assert.That(report).StartsWith("Configuration validation failed: 2 problems in /etc/waldur/test.yaml");
        await Assert.That(report).Contains("  log_level: expected one of");
        await Assert.That(report).Contains("  reporting_periods: must be at least 1, got 0 (line 2, column 20)");
    }

    [Test]
    public async Task Load_ComponentWithZeroUnitFactor_IsRejected()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_components:\n      cpu: {measured_unit: h, accounting_type: usage, label: CPU, unit_factor: 0}\n"));

        await Assert.That((await Assert.That(result.Errors).HasSingleItem()).Message).Contains("must be greater than 0");
    }

    [Test]
    public async Task Load_ComponentMissingRequiredFields_ListsEachOne()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_components:\n      cpu: {unit_factor: 60}\n"));

        await Assert.That(result.Errors.Select(e => e.Path)).IsEquivalentTo(["offerings[0].backend_components.cpu.accounting_type", "offerings[0].backend_components.cpu.measured_unit", "offerings[0].backend_components.cpu.label"], CollectionOrdering.Matching);
    }
}
