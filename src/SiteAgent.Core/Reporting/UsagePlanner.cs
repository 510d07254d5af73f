using SiteAgent.Backends.Model;

namespace SiteAgent.Core.Reporting;

/// <summary>
/// Decides, without any I/O, which usage writes one resource needs in one period:
/// amounts rounded to two decimals half-even, components the offering lacks dropped, a total equal to
/// Waldur's skipped, a decrease or duplicate record held back as an anomaly, and per-user usages sent
/// only where they are new or changed.
/// </summary>
/// <remarks>
/// The reference compared the whole component set, so a record of a component the backend no longer
/// reports made every cycle re-send the same total; here only the reported components are compared.
/// It also re-sent every per-user usage every cycle; here a second cycle with nothing new sends nothing.
/// Anomalies are checked against every record of the period (the reference's exclusion of records with
/// per-user children never worked, and would have exempted exactly the agent's own records).
/// </remarks>
public static class UsagePlanner
{
    /// <summary>Waldur takes amounts with two decimals; rounding first also makes the comparison with what it holds exact.</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.ToEven);

    /// <summary>Plans the writes of one resource and period.</summary>
    /// <param name="usage">The backend's usage in Waldur units.</param>
    /// <param name="offeringComponents">Component types the Waldur offering has.</param>
    /// <param name="existing">What Waldur holds for the resource and period.</param>
    /// <param name="offeringUsers">Offering users by username, looked up ignoring case (SLURM folds user names).</param>
    /// <param name="usageCanDecrease">The backend declares that usage may go down (no anomaly check).</param>
    public static UsagePlan Plan(
        ResourceUsage usage,
        IReadOnlySet<string> offeringComponents,
        ResourcePeriodRecords existing,
        IReadOnlyDictionary<string, OfferingUserLink> offeringUsers,
        bool usageCanDecrease)
    {
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (type, amount) in usage.Total)
        {
            if (offeringComponents.Contains(type))
            {
                totals[type] = Round(amount);
            }
            else
            {
                unknown.Add(type);
            }
        }

        var records = existing.Usages.Where(u => u.Type is not null).GroupBy(u => u.Type!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (!usageCanDecrease && Anomaly(totals, records) is { } reason)
        {
            return new UsagePlan { Decision = TotalDecision.Anomaly, AnomalyReason = reason, Totals = totals, UnknownComponents = unknown };
        }

        var unchanged = totals.All(t => records.TryGetValue(t.Key, out var list) && list.Count == 1 && list[0].Usage is { } held && held == t.Value);
        return new UsagePlan
        {
            Decision = unchanged ? TotalDecision.Unchanged : TotalDecision.Submit,
            Totals = totals,
            UnknownComponents = unknown,
            UserUsages = UserBatches(usage, totals, records, existing.UserUsages, offeringUsers),
        };
    }

    private static string? Anomaly(Dictionary<string, decimal> totals, Dictionary<string, List<Waldur.Models.ComponentUsage>> records)
    {
        foreach (var (type, amount) in totals.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!records.TryGetValue(type, out var list))
            {
                continue;
            }

            if (list.Count > 1)
            {
                return $"Waldur holds {list.Count} usage records of component {type} for the period";
            }

            if (list[0].Usage is { } held && amount < held)
            {
                return $"usage of component {type} would go down from {Plain(held)} to {Plain(amount)}";
            }
        }

        return null;
    }

    /// <summary>An amount without the trailing zeros Waldur pads it with (<c>5.5000</c> → <c>5.5</c>).</summary>
    private static string Plain(decimal amount) => amount.ToString("G29", System.Globalization.CultureInfo.InvariantCulture);

    private static List<UserUsageBatch> UserBatches(
        ResourceUsage usage,
        Dictionary<string, decimal> totals,
        Dictionary<string, List<Waldur.Models.ComponentUsage>> records,
        IReadOnlyList<Waldur.Models.ComponentUserUsage> userUsages,
        IReadOnlyDictionary<string, OfferingUserLink> offeringUsers)
    {
        var names = new Dictionary<string, (string Name, string? Url)>(StringComparer.Ordinal);
        foreach (var user in usage.PerUser.Keys)
        {
            names[user] = offeringUsers.TryGetValue(user, out var link) ? (link.Username, link.Url) : (user, null);
        }

        // Each per-user record belongs to one component record (its parent): index them once.
        var byParent = new Dictionary<Guid, Dictionary<string, Waldur.Models.ComponentUserUsage>>();
        foreach (var record in userUsages)
        {
            if (record.Username is not null && ResourcePeriodRecords.ParentOf(record) is { } parentUuid)
            {
                if (!byParent.TryGetValue(parentUuid, out var users))
                {
                    byParent[parentUuid] = users = new Dictionary<string, Waldur.Models.ComponentUserUsage>(StringComparer.OrdinalIgnoreCase);
                }

                users[record.Username] = record;
            }
        }

        var perUser = usage.PerUser.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        var batches = new List<UserUsageBatch>();
        foreach (var type in totals.Keys.Order(StringComparer.Ordinal))
        {
            Guid? parent = records.TryGetValue(type, out var list) && list.Count == 1 ? list[0].Uuid : null;
            var held = parent is { } uuid && byParent.TryGetValue(uuid, out var found)
                ? found
                : new Dictionary<string, Waldur.Models.ComponentUserUsage>(StringComparer.OrdinalIgnoreCase);
            var items = new List<UserUsageItem>();
            foreach (var (user, amounts) in perUser)
            {
                if (!amounts.TryGetValue(type, out var amount))
                {
                    continue;
                }

                var (name, url) = names[user];
                var item = new UserUsageItem(name, Round(amount), url);
                if (!held.TryGetValue(name, out var record) || record.Usage != item.Amount || (url is not null && record.User != url))
                {
                    items.Add(item);
                }
            }

            if (items.Count > 0)
            {
                batches.Add(new UserUsageBatch(type, parent, items));
            }
        }

        return batches;
    }
}
