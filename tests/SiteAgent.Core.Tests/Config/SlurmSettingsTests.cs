using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Core.Tests.Config;

public class SlurmSettingsTests
{
    [Fact]
    public void Load_SlurmSettings_AreTypedByTheBackendsOwnSettingsType()
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

        Assert.True(result.IsValid, TestCatalog.Errors(result));
        var offering = result.Config!.Offerings[0];
        var slurm = Assert.IsType<SlurmOptions>(offering.BackendSettings["slurm"]);
        Assert.Equal("rocket", slurm.ClusterName);
        Assert.Equal(DefaultAccountPolicy.Individual, slurm.DefaultAccountPolicy);
        Assert.Equal("paused", slurm.QosPaused);
        Assert.True(slurm.EnforceOfferingPartitions);
        Assert.Equal("a_", offering.CommonSettings.AllocationPrefix);
        Assert.True(offering.CommonSettings.SoftDelete);
    }

    [Theory]
    [InlineData("default_account_policy: shared", "expected one of common, individual, none, got \"shared\"")]
    [InlineData("execution_mode: rest", "not supported by this agent yet")]
    [InlineData("cluster_name: \"my cluster\"", "is not a valid SLURM name")]
    [InlineData("qos_default: \"-x\"", "is not a valid SLURM name")]
    [InlineData("slurm_bin_path: bin", "must be an absolute directory")]
    [InlineData("default_homedir_umask: \"0999\"", "default_homedir_umask must be valid octal permissions")]
    [InlineData("ldap: {uri: ldap://x}", "LDAP project-group plugin is not part of this agent")]
    [InlineData("homedir_quota: {max_bytes: 10G}", "provider: field required")]
    public void Load_InvalidSlurmSetting_IsRejected(string setting, string message)
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_settings:\n      default_account: root\n      " + setting + "\n"));

        Assert.Contains(message, TestCatalog.Errors(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QosEnforcementWithPauseQos_IsRejected()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering(
            "\n    backend_settings:\n      default_account: root\n      qos_enforcement_enabled: true\n      enforce_offering_qos: true\n      qos_paused: paused\n"));

        Assert.Contains("cannot be combined with qos_paused or qos_downscaled", TestCatalog.Errors(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SlurmWithoutDefaultAccount_WarnsOnly()
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n    backend_settings:\n      cluster_name: rocket\n"));

        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Path.EndsWith("default_account", StringComparison.Ordinal));
    }
}
