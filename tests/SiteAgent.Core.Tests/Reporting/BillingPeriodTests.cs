using SiteAgent.Core.Reporting;

namespace SiteAgent.Core.Tests.Reporting;

public sealed class BillingPeriodTests
{
    [Test]
    [Arguments("2024-06-15T10:00:00Z", 2, "2024-06,2024-05")]
    [Arguments("2024-01-03T10:00:00Z", 2, "2024-01,2023-12")]
    [Arguments("2024-02-29T10:00:00Z", 3, "2024-02,2024-01,2023-12")]
    [Arguments("2024-02-29T10:00:00Z", 1, "2024-02")]
    public async Task Window_CurrentFirst_ThenThePreviousMonths(string now, int count, string expected)
    {
        var periods = BillingPeriod.Window(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc, count);

        await Assert.That(string.Join(',', periods.Select(p => p.Label))).IsEqualTo(expected);
        await Assert.That(periods[0].IsCurrent).IsTrue();
        await Assert.That(periods.Skip(1).Any(p => p.IsCurrent)).IsFalse();
    }

    [Test]
    public async Task Window_FollowsTheConfiguredZone_NotUtc()
    {
        // 22:30 UTC on 30 June is already 1 July in Tallinn (UTC+3 in summer).
        var tallinn = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn");
        var now = new DateTimeOffset(2024, 6, 30, 22, 30, 0, TimeSpan.Zero);

        var current = BillingPeriod.Window(now, tallinn, 1)[0];

        await Assert.That(current.Label).IsEqualTo("2024-07");
        await Assert.That(BillingPeriod.Window(now, TimeZoneInfo.Utc, 1)[0].Label).IsEqualTo("2024-06");
        await Assert.That(current.Contains(now, tallinn)).IsTrue();
        await Assert.That(current.Contains(now, TimeZoneInfo.Utc)).IsFalse();
    }

    [Test]
    public async Task ReportDate_IsTheFirstAtMidnightInTheZone_WithItsOffset()
    {
        var tallinn = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn");

        await Assert.That(new BillingPeriod(2024, 7, true).ReportDate(tallinn)).IsEqualTo(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.FromHours(3)));
        await Assert.That(new BillingPeriod(2024, 1, false).ReportDate(tallinn)).IsEqualTo(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)));
        await Assert.That(new BillingPeriod(2024, 1, false).FirstDay).IsEqualTo(new DateOnly(2024, 1, 1));
    }
}
