using System.Globalization;

namespace SiteAgent.Core.Reporting;

/// <summary>One monthly billing period, as Waldur keys usage (its first day).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Month">Calendar month, 1–12.</param>
/// <param name="IsCurrent">True for the month that contains "now" in the agent's time zone.</param>
public readonly record struct BillingPeriod(int Year, int Month, bool IsCurrent)
{
    /// <summary>The first day, Waldur's <c>billing_period</c>.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary><c>YYYY-MM</c>, for logs.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>The usage date sent to Waldur: the first day at 00:00 in <paramref name="zone"/>, with that zone's offset.</summary>
    public DateTimeOffset ReportDate(TimeZoneInfo zone)
    {
        var local = new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The current month and the <paramref name="count"/> − 1 before it, current first, as seen in
    /// <paramref name="zone"/> at <paramref name="now"/>.
    /// </summary>
    /// <remarks>
    /// The reference submits the oldest month first, so a past month that Waldur refuses with anything
    /// but a 400 kept the current month from being reported. Here every month stands alone and the
    /// current one goes first.
    /// </remarks>
    public static IReadOnlyList<BillingPeriod> Window(DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var first = new DateOnly(local.Year, local.Month, 1);
        var periods = new List<BillingPeriod>(count);
        for (var i = 0; i < Math.Max(count, 1); i++)
        {
            var month = first.AddMonths(-i);
            periods.Add(new BillingPeriod(month.Year, month.Month, i == 0));
        }

        return periods;
    }

    /// <summary>True when <paramref name="now"/> in <paramref name="zone"/> still falls in this period.</summary>
    public bool Contains(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return local.Year == Year && local.Month == Month;
    }
}
