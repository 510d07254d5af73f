using System.Text.Json;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm.Tests.Backend;

/// <summary>The SLURM backend, not the core, interprets the offering facts and owns <c>default_account</c>.</summary>
public sealed class SlurmOfferingFactsTests
{
    [Test]
    [Arguments("true", true)]
    [Arguments("false", false)]
    [Arguments("\"true\"", false)]
    public async Task EnforceQos_IsJsonTrueOnly(string json, bool expected)
    {
        var facts = new OfferingFacts { PluginOptions = new Dictionary<string, JsonElement> { ["enforce_qos"] = JsonDocument.Parse(json).RootElement } };

        await Assert.That(SlurmOfferingFacts.EnforcesQos(facts)).IsEqualTo(expected);
    }

    [Test]
    public async Task NoFacts_MeanNoQosEnforcementAndNoPartitions()
    {
        await Assert.That(SlurmOfferingFacts.EnforcesQos(OfferingFacts.None)).IsFalse();
        await Assert.That(SlurmOfferingFacts.Partitions(OfferingFacts.None)).IsEmpty();
    }

    [Test]
    public async Task Partitions_AreSortedWithoutBlanks()
    {
        var facts = new OfferingFacts { PartitionNames = ["gpu", "", "cpu"] };

        await Assert.That(SlurmOfferingFacts.Partitions(facts)).IsEquivalentTo(["cpu", "gpu"]);
    }

    [Test]
    public async Task DefaultAccount_IsASlurmSetting_RootByDefault_AndTheRootAccountFallback()
    {
        await Assert.That(SlurmOptions.Default.DefaultAccount).IsEqualTo("root");
        await Assert.That(SlurmOptions.Default.EffectiveRootAccount).IsEqualTo("root");
        await Assert.That((SlurmOptions.Default with { DefaultAccount = "hpc_top" }).EffectiveRootAccount).IsEqualTo("hpc_top");
        await Assert.That((SlurmOptions.Default with { DefaultAccount = "hpc_top", RootAccount = "hpc_root" }).EffectiveRootAccount).IsEqualTo("hpc_root");
        await Assert.That(typeof(CommonBackendSettings).GetProperty("DefaultAccount")).IsNull();
    }
}
