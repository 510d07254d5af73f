using SiteAgent.Core.Reporting;

namespace SiteAgent.Core.Tests.Reporting;

public sealed class BillingPeriodTests
{
    [Theory]
    [InlineData("2024-06-15T10:00:00Z", 2, "2024-06,2024-05")]
    [InlineData("2024-01-03T10:00:00Z", 2, "2024-01,2023-12")]
    [InlineData("2024-02-29T10:00:00Z", 3, "2024-02,2024-01,2023-12")]
    [InlineData("2024-02-29T10:00:00Z", 1, "2024-02")]
    public void Window_CurrentFirst_ThenThePreviousMonths(string now, int count, string expected)
    {
        var periods = BillingPeriod.Window(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc, count);

        Assert.Equal(expected, string.Join(',', periods.Select(p => p.Label)));
        Assert.True(periods[0].IsCurrent);
        Assert.All(periods.Skip(1), p => Assert.False(p.IsCurrent));
    }

    [Fact]
    public void Window_FollowsTheConfiguredZone_NotUtc()
    {
        // 22:30 UTC on 30 June is already 1 July in Tallinn (UTC+3 in summer).
        var tallinn = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn");
        var now = new DateTimeOffset(2024, 6, 30, 22, 30, 0, TimeSpan.Zero);

        var current = BillingPeriod.Window(now, tallinn, 1)[0];

        Assert.Equal("2024-07", current.Label);
        Assert.Equal("2024-06", BillingPeriod.Window(now, TimeZoneInfo.Utc, 1)[0].Label);
        Assert.True(current.Contains(now, tallinn));
        Assert.False(current.Contains(now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void ReportDate_IsTheFirstAtMidnightInTheZone_WithItsOffset()
    {
        var tallinn = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn");

        Assert.Equal(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.FromHours(3)), new BillingPeriod(2024, 7, true).ReportDate(tallinn));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)), new BillingPeriod(2024, 1, false).ReportDate(tallinn));
        Assert.Equal(new DateOnly(2024, 1, 1), new BillingPeriod(2024, 1, false).FirstDay);
    }
}
