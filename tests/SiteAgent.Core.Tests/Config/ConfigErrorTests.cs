namespace SiteAgent.Core.Tests.Config;

public class ConfigErrorTests
{
    [Fact]
    public void Load_NonNumericUnitFactor_NamesPathLineAndColumn()
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

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("offerings[1].backend_components.cpu.unit_factor: expected a number, got \"abc\" (line 17, column 22)", error.ToString());
    }

    [Fact]
    public void Load_MisspeltTopLevelKey_SuggestsTheKnownKey()
    {
        var result = TestCatalog.Load("timezon: UTC\n" + TestCatalog.WithOffering());

        Assert.Equal("timezon: unknown key (did you mean \"timezone\"?) (line 1, column 1)", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Load_MisspeltOfferingKey_SuggestsTheKnownKey()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    membership_sync_backnd: slurm\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("offerings[0].membership_sync_backnd", error.Path);
        Assert.Contains("did you mean \"membership_sync_backend\"?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltBackendSettingsKey_SuggestsTheBackendsOwnKey()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_settings:\n      default_account: root\n      clustr_name: rocket\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("offerings[0].backend_settings.clustr_name: unknown key (did you mean \"cluster_name\"?) (line 10, column 7)", error.ToString());
    }

    [Fact]
    public void Load_NoToken_IsRejected()
    {
        var yaml = TestCatalog.WithOffering().Replace("waldur_api_token: \"4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f\"", "waldur_api_token: \"\"", StringComparison.Ordinal);

        var error = Assert.Single(TestCatalog.Load(yaml).Errors);

        Assert.Contains("Either waldur_api_token or all of oidc_token_url, oidc_client_id, oidc_client_secret must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IncompleteOidc_IsRejected()
    {
        var yaml = TestCatalog.WithOffering().Replace("waldur_api_token: \"4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f\"", "oidc_token_url: https://sso.example.org/t\n    oidc_client_id: a", StringComparison.Ordinal);

        Assert.False(TestCatalog.Load(yaml).IsValid);
    }

    [Fact]
    public void Load_BadUuid_IsRejectedWithTheValue()
    {
        var yaml = TestCatalog.WithOffering().Replace("d629d5e45567425da9cdbdc1af67b32c", "d629d5e4-not-a-uuid", StringComparison.Ordinal);

        var error = Assert.Single(TestCatalog.Load(yaml).Errors);

        Assert.Equal("offerings[0].waldur_offering_uuid", error.Path);
        Assert.Contains("\"d629d5e4-not-a-uuid\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("offerings: []\n")]
    [InlineData("timezone: UTC\n")]
    public void Load_NoOfferings_IsRejected(string yaml)
    {
        var error = Assert.Single(TestCatalog.Load(yaml).Errors);

        Assert.Contains("offering", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BackendNotInBuild_IsRejectedWithHint()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    reporting_backend: slurn\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("offerings[0].reporting_backend", error.Path);
        Assert.Equal("backend \"slurn\" is not in this build (available: base, slurm); did you mean \"slurm\"?", error.Message);
    }

    [Fact]
    public void Load_BackendWithoutTheRolesCapability_IsRejected()
    {
        var yaml = TestCatalog.WithOffering().Replace("order_processing_backend: \"slurm\"", "order_processing_backend: \"base\"", StringComparison.Ordinal);

        var error = Assert.Single(TestCatalog.Load(yaml).Errors);

        Assert.Equal("backend \"base\" cannot process orders (its capabilities: username_management)", error.Message);
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsLineAndColumn()
    {
        var result = TestCatalog.Load("offerings:\n  - name: \"x\n    waldur_api_url: [\n");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("YAML syntax error:", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Location);
    }

    [Fact]
    public void Load_DuplicateKey_IsRejectedWithItsPosition()
    {
        var result = TestCatalog.Load("timezone: UTC\ntimezone: Europe/Tallinn\n" + TestCatalog.WithOffering());

        var error = Assert.Single(result.Errors);
        Assert.Equal("Duplicate key timezone (line 2, column 1)", error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("just a string\n")]
    public void Load_EmptyOrScalarFile_IsRejectedReadably(string yaml)
    {
        var result = TestCatalog.Load(yaml);

        Assert.False(result.IsValid);
        Assert.Contains("mapping", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timezone: \"\"\n", "Unknown timezone")]
    [InlineData("timezone: Mars/Olympus\n", "Unknown timezone")]
    [InlineData("log_level: verbose\n", "expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL")]
    [InlineData("reporting_periods: 13\n", "must be at most 12")]
    [InlineData("sentry_dsn: not-a-url\n", "sentry_dsn must be a valid URL")]
    [InlineData("log_shipping:\n  ship_interval_seconds: 5\n", "must be at least 10")]
    public void Load_InvalidRootValue_IsRejected(string line, string message)
    {
        var result = TestCatalog.Load(line + TestCatalog.WithOffering());

        Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSoWithThePath()
    {
        var result = new Core.Config.ConfigLoader(TestCatalog.Create()).Load("/nonexistent/agent.yaml");

        Assert.Equal("cannot read /nonexistent/agent.yaml: no such file (pass the config with -c/--config-file)", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void ErrorReport_ListsEveryProblemUnderAHeaderNamingTheFile()
    {
        var result = TestCatalog.Load("log_level: loud\nreporting_periods: 0\n" + TestCatalog.WithOffering());

        var report = result.ErrorReport();

        Assert.StartsWith("Configuration validation failed: 2 problems in /etc/waldur/test.yaml", report, StringComparison.Ordinal);
        Assert.Contains("  log_level: expected one of", report, StringComparison.Ordinal);
        Assert.Contains("  reporting_periods: must be at least 1, got 0 (line 2, column 20)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ComponentWithZeroUnitFactor_IsRejected()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_components:\n      cpu: {measured_unit: h, accounting_type: usage, label: CPU, unit_factor: 0}\n"));

        Assert.Contains("must be greater than 0", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ComponentMissingRequiredFields_ListsEachOne()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_components:\n      cpu: {unit_factor: 60}\n"));

        Assert.Equal(
            ["offerings[0].backend_components.cpu.accounting_type", "offerings[0].backend_components.cpu.measured_unit", "offerings[0].backend_components.cpu.label"],
            result.Errors.Select(e => e.Path));
    }
}
