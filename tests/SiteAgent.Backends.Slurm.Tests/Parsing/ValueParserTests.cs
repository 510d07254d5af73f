using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class ValueParserTests
{
    [Test]
    [Arguments("2048", 2048)]
    [Arguments("1000M", 1048576000)]
    [Arguments("600G", 644245094400)]
    [Arguments("1.50G", 1610612736)]
    [Arguments("7.50T", 8246337208320)]
    [Arguments("2P", 2251799813685248)]
    [Arguments("1K", 1024)]
    public async Task Quirk_HalfUnitLimits_ParsedExactly(string text, long expected)
    {
        await Assert.That(SlurmParser.TryParseUnitValue(text, out var value)).IsTrue();
        await Assert.That(value).IsEqualTo(expected);
    }

    [Test]
    [Arguments("NONE")]
    [Arguments("")]
    [Arguments("M")]
    [Arguments("1.5.0G")]
    [Arguments("-1")]
    [Arguments("1X")]
    public async Task TryParseUnitValue_Garbage_IsRejected(string text) => await Assert.That(SlurmParser.TryParseUnitValue(text, out _)).IsFalse();

    [Test]
    public async Task ParseTresLimits_HalfGigabyteMemory_IsExactMegabytes()
    {
        var limits = SlurmParser.ParseTresLimits("cpu=600000,mem=1.50G,gres/gpu:a100=4,billing=NONE,junk");

        await Assert.That(limits.Values["cpu"]).IsEqualTo(600000);
        await Assert.That(limits.Values["mem"]).IsEqualTo(1536);
        await Assert.That(limits.Values["gres/gpu:a100"]).IsEqualTo(4);
        await Assert.That(limits.Unparsed).IsEquivalentTo(["billing"], CollectionOrdering.Matching);
        await Assert.That(SlurmParser.ParseTresLimits("mem=7.50T").Values["mem"]).IsEqualTo(7864320);
    }

    [Test]
    [Arguments("00:01:00", 1.0)]
    [Arguments("00:00:03", 0.05)]
    [Arguments("00:01:03", 1.05)]
    [Arguments("850:00:00", 51000.0)]
    [Arguments("1-02:03:04", 1563.0666666666666)]
    [Arguments("00:00:30.123456", 0.5)]
    public async Task TryParseElapsedMinutes_Formats(string text, double minutes)
    {
        await Assert.That(SlurmParser.TryParseElapsedMinutes(text, out var value)).IsTrue();
        await Assert.That(Math.Round(value, 9)).IsEqualTo(Math.Round(minutes, 9));
    }

    [Test]
    [Arguments("0-00:10:00", 10.0)]
    [Arguments("32-00:00:00", 46080.0)]
    [Arguments("400-00:00:00", 576000.0)]
    public async Task Quirk_ElapsedDayPart_IsAnUnboundedCount(string text, double minutes)
    {
        await Assert.That(SlurmParser.TryParseElapsedMinutes(text, out var value)).IsTrue();
        await Assert.That(Math.Round(value, 9)).IsEqualTo(Math.Round(minutes, 9));
    }

    [Test]
    [Arguments("INVALID")]
    [Arguments("")]
    [Arguments("10:00")]
    [Arguments("x-00:00:01")]
    public async Task TryParseElapsedMinutes_Unreadable_IsRejected(string text)
    {
        await Assert.That(SlurmParser.TryParseElapsedMinutes(text, out var value)).IsFalse();
        await Assert.That(value).IsEqualTo(0);
    }
}
