using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class ValueParserTests
{
    [Theory]
    [InlineData("2048", 2048)]
    [InlineData("1000M", 1048576000)]
    [InlineData("600G", 644245094400)]
    [InlineData("1.50G", 1610612736)]
    [InlineData("7.50T", 8246337208320)]
    [InlineData("2P", 2251799813685248)]
    [InlineData("1K", 1024)]
    public void Quirk_HalfUnitLimits_ParsedExactly(string text, long expected)
    {
        Assert.True(SlurmParser.TryParseUnitValue(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("NONE")]
    [InlineData("")]
    [InlineData("M")]
    [InlineData("1.5.0G")]
    [InlineData("-1")]
    [InlineData("1X")]
    public void TryParseUnitValue_Garbage_IsRejected(string text) => Assert.False(SlurmParser.TryParseUnitValue(text, out _));

    [Fact]
    public void ParseTresLimits_HalfGigabyteMemory_IsExactMegabytes()
    {
        var limits = SlurmParser.ParseTresLimits("cpu=600000,mem=1.50G,gres/gpu:a100=4,billing=NONE,junk");

        Assert.Equal(600000, limits.Values["cpu"]);
        Assert.Equal(1536, limits.Values["mem"]);
        Assert.Equal(4, limits.Values["gres/gpu:a100"]);
        Assert.Equal(["billing"], limits.Unparsed);
        Assert.Equal(7864320, SlurmParser.ParseTresLimits("mem=7.50T").Values["mem"]);
    }

    [Theory]
    [InlineData("00:01:00", 1.0)]
    [InlineData("00:00:03", 0.05)]
    [InlineData("00:01:03", 1.05)]
    [InlineData("850:00:00", 51000.0)]
    [InlineData("1-02:03:04", 1563.0666666666666)]
    [InlineData("00:00:30.123456", 0.5)]
    public void TryParseElapsedMinutes_Formats(string text, double minutes)
    {
        Assert.True(SlurmParser.TryParseElapsedMinutes(text, out var value));
        Assert.Equal((decimal)minutes, value, 9);
    }

    [Theory]
    [InlineData("0-00:10:00", 10.0)]
    [InlineData("32-00:00:00", 46080.0)]
    [InlineData("400-00:00:00", 576000.0)]
    public void Quirk_ElapsedDayPart_IsAnUnboundedCount(string text, double minutes)
    {
        Assert.True(SlurmParser.TryParseElapsedMinutes(text, out var value));
        Assert.Equal((decimal)minutes, value, 9);
    }

    [Theory]
    [InlineData("INVALID")]
    [InlineData("")]
    [InlineData("10:00")]
    [InlineData("x-00:00:01")]
    public void TryParseElapsedMinutes_Unreadable_IsRejected(string text)
    {
        Assert.False(SlurmParser.TryParseElapsedMinutes(text, out var value));
        Assert.Equal(0, value);
    }
}
