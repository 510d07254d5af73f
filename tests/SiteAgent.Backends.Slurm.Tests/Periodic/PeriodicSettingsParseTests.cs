using System.Text.Json;

namespace SiteAgent.Backends.Slurm.Tests.Periodic;

/// <summary>What a periodic usage-policy command may carry, and what is refused before any command line is built.</summary>
public class PeriodicSettingsParseTests
{
    private static PeriodicSettings Parse(string json, string defaultLimitType = "GrpTRESMins")
    {
        using var document = JsonDocument.Parse(json);
        return PeriodicSettings.Parse(document.RootElement.Clone(), defaultLimitType);
    }

    [Test]
    public async Task Parse_WaldurExample_KeepsTheKeysSlurmActsOn_InOrder()
    {
        var settings = Parse("""
            {"fairshare": 333, "limit_type": "GrpTRESMins", "grp_tres_mins": {"billing": 60000, "cpu": 1200.0, "gres/gpu:a100": "30"},
             "qos_threshold": {"normal": 1000}, "grace_limit": 72000, "reset_raw_usage": true, "carryover_details": {"x": 1}}
            """);

        await Assert.That(settings.Fairshare).IsEqualTo(333);
        await Assert.That(settings.LimitType).IsEqualTo("GrpTRESMins");
        await Assert.That(settings.LimitsKey).IsEqualTo("grp_tres_mins");
        await Assert.That(settings.Limits.Select(l => $"{l.Key}={l.Value}")).IsEquivalentTo(["billing=60000", "cpu=1200", "gres/gpu:a100=30"], CollectionOrdering.Matching);
        await Assert.That(settings.ResetRawUsage).IsTrue();
    }

    [Test]
    public async Task Parse_NoLimitType_UsesTheConfiguredOne_AndGrpWinsOverMax()
    {
        var max = Parse("""{"max_tres_mins": {"cpu": 10}}""", "MaxTRESMins");
        var both = Parse("""{"grp_tres_mins": {"cpu": 1}, "max_tres_mins": {"cpu": 2}, "limit_type": "GrpTRES"}""");

        await Assert.That(max.LimitType).IsEqualTo("MaxTRESMins");
        await Assert.That(max.LimitsKey).IsEqualTo("max_tres_mins");
        await Assert.That(both.LimitType).IsEqualTo("GrpTRES");
        await Assert.That(both.Limits.Single().Value).IsEqualTo(1);
    }

    [Test]
    public async Task Parse_ZeroFairshareAndNulls_MeanNothingToDo()
    {
        var settings = Parse("""{"fairshare": 0, "grp_tres_mins": null, "reset_raw_usage": false}""");

        await Assert.That(settings.Fairshare).IsNull();
        await Assert.That(settings.LimitType).IsNull();
        await Assert.That(settings.Limits).IsEmpty();
        await Assert.That(settings.ResetRawUsage).IsFalse();
    }

    [Test]
    [Arguments("""[1, 2]""", "must be a JSON object, got array")]
    [Arguments("""{"fairshare": "many"}""", "fairshare must be an integer, got \"many\"")]
    [Arguments("""{"fairshare": 1.5}""", "fairshare must be an integer")]
    [Arguments("""{"fairshare": -3}""", "fairshare must be 0 or more")]
    [Arguments("""{"grp_tres_mins": {"cpu,mem": 1}}""", "Refusing TRES name 'cpu,mem'")]
    [Arguments("""{"grp_tres_mins": {"cpu=1 set": 1}}""", "Refusing TRES name")]
    [Arguments("""{"grp_tres_mins": {"-cpu": 1}}""", "Refusing TRES name")]
    [Arguments("""{"grp_tres_mins": {"cpu": "10 where"}}""", "grp_tres_mins.cpu must be an integer")]
    [Arguments("""{"grp_tres_mins": {"cpu": -2}}""", "must be -1 (no limit) or more")]
    [Arguments("""{"grp_tres_mins": [1]}""", "must be an object of TRES")]
    [Arguments("""{"grp_tres_mins": {"cpu": 1}, "limit_type": "GrpJobs"}""", "limit_type 'GrpJobs' is not one of GrpTRESMins, MaxTRESMins, GrpTRES, MaxTRES")]
    [Arguments("""{"reset_raw_usage": "yes"}""", "reset_raw_usage must be true or false")]
    public async Task Parse_UnsafeOrMistypedValue_IsRefusedNamingIt(string json, string message)
    {
        var error = await Assert.ThrowsAsync<BackendException>(() => Task.FromResult(Parse(json)));

        await Assert.That(error!.Message).Contains(message);
    }

    [Test]
    [Arguments("10", 10L, false)]
    [Arguments("10", 11L, true)]
    [Arguments("NONE", 11L, true)]
    [Arguments(null, 5L, true)]
    [Arguments(null, -1L, false)]
    public async Task LimitDiffers_ComparesTheValueSlurmHolds(string? current, long wanted, bool differs)
    {
        var have = current is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["cpu"] = current };

        await Assert.That(SlurmBackend.LimitDiffers(have, "cpu", wanted)).IsEqualTo(differs);
    }

    [Test]
    [Arguments("1000M", 1000L, false)]
    [Arguments("1.50G", 1536L, false)]
    [Arguments("600G", 614400L, false)]
    [Arguments("1000M", 1001L, true)]
    public async Task LimitDiffers_ReadsMemoryInMegabytes_AsSacctmgrPrintsIt(string current, long wanted, bool differs)
    {
        var have = new Dictionary<string, string> { ["mem"] = current };

        await Assert.That(SlurmBackend.LimitDiffers(have, "mem", wanted)).IsEqualTo(differs);
    }
}
