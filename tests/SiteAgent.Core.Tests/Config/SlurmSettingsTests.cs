using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Core.Tests.Config;

public class SlurmSettingsTests
{
    [Test]
    public async Task Load_SlurmSettings_AreTypedByTheBackendsOwnSettingsType()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("""

                backend_settings:
                  default_account: "root"
                  allocation_prefix: "a_"
                  cluster_name: "rocket"
                  default_account_policy: individual
                  qos_paused: "paused"
                  enforce_offering_partitions: true
                  soft_delete: yes
            """));

        await Assert.That(result.IsValid).IsTrue().Because(TestCatalog.Errors(result));
        var offering = result.Config!.Offerings[0];
        var slurm = await Assert.That(offering.BackendSettings["slurm"]).IsTypeOf<SlurmOptions>();
        await Assert.That(slurm!.ClusterName).IsEqualTo("rocket");
        await Assert.That(slurm.DefaultAccountPolicy).IsEqualTo(DefaultAccountPolicy.Individual);
        await Assert.That(slurm.QosPaused).IsEqualTo("paused");
        await Assert.That(slurm.EnforceOfferingPartitions).IsTrue();
        await Assert.That(offering.CommonSettings.AllocationPrefix).IsEqualTo("a_");
        await Assert.That(offering.CommonSettings.SoftDelete).IsTrue();
    }

    [Test]
    [Arguments("default_account_policy: shared", "expected one of common, individual, none, got \"shared\"")]
    [Arguments("execution_mode: rest", "not supported by this agent yet")]
    [Arguments("cluster_name: \"my cluster\"", "is not a valid SLURM name")]
    [Arguments("qos_default: \"-x\"", "is not a valid SLURM name")]
    [Arguments("slurm_bin_path: bin", "must be an absolute directory")]
    [Arguments("default_homedir_umask: \"0999\"", "default_homedir_umask must be valid octal permissions")]
    [Arguments("ldap: {uri: ldap://x}", "LDAP project-group plugin is not part of this agent")]
    [Arguments("homedir_quota: {max_bytes: 10G}", "provider: field required")]
    [Arguments("periodic_limits: {enabled: true, limit_type: GrpTresMins}", "expected one of GrpTRESMins, MaxTRESMins, GrpTRES")]
    [Arguments("periodic_limits: {enabled: maybe}", "periodic_limits.enabled")]
    [Arguments("periodic_limits: {emulator_base_url: \"ftp://emulator\"}", "must be an http:// or https:// URL")]
    [Arguments("periodic_limits: {enabld: true}", "enabld")]
    public async Task Load_InvalidSlurmSetting_IsRejected(string setting, string message)
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_settings:\n      default_account: root\n      " + setting + "\n"));

        await Assert.That(TestCatalog.Errors(result)).Contains(message);
    }

    [Test]
    public async Task Load_QosEnforcementWithPauseQos_IsRejected()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering(
            "\n    backend_settings:\n      default_account: root\n      qos_enforcement_enabled: true\n      enforce_offering_qos: true\n      qos_paused: paused\n"));

        await Assert.That(TestCatalog.Errors(result)).Contains("cannot be combined with qos_paused or qos_downscaled");
    }

    [Test]
    public async Task Load_SlurmWithoutDefaultAccount_WarnsOnly()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_settings:\n      cluster_name: rocket\n"));

        await Assert.That(result.IsValid).IsTrue();
        await Assert.That(result.Warnings).Contains(w => w.Path.EndsWith("default_account", StringComparison.Ordinal));
    }

    [Test]
    public async Task Load_PeriodicLimits_AreTyped_AndDefaultWhenAbsent()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("""

                backend_settings:
                  default_account: root
                  periodic_limits:
                    enabled: true
                    limit_type: MaxTRESMins
                    emulator_mode: true
                    emulator_base_url: "http://127.0.0.1:9000/"
            """));

        await Assert.That(result.IsValid).IsTrue().Because(TestCatalog.Errors(result));
        var slurm = (SlurmOptions)result.Config!.Offerings[0].BackendSettings["slurm"];
        await Assert.That(slurm.PeriodicLimits).IsEqualTo(new PeriodicLimitsOptions(true, true, "http://127.0.0.1:9000/", "MaxTRESMins"));
        await Assert.That(SlurmOptions.Default.PeriodicLimits).IsEqualTo(new PeriodicLimitsOptions(false, false, "http://localhost:8080", "GrpTRESMins"));
    }

    [Test]
    public async Task Load_InvalidPeriodicLimitsUrl_NamesFileLineAndKey()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering(
            "\n    backend_settings:\n      default_account: root\n      periodic_limits:\n        enabled: true\n        emulator_base_url: \"localhost:8080\"\n"));

        var error = result.ErrorReport();
        await Assert.That(error).Contains("/etc/waldur/test.yaml");
        await Assert.That(error).Contains("line 12");
        await Assert.That(error).Contains("periodic_limits.emulator_base_url");
        await Assert.That(error).Contains("\"localhost:8080\"");
    }
}
