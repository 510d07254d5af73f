using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Turns sacct usage lines into a usage report in Waldur units.
/// </summary>
/// <remarks>
/// Sums are kept raw per account and user, <c>TOTAL_ACCOUNT_USAGE</c> is the key-wise sum of the raw
/// user sums, and only then is anything converted and rounded: 0.98 CPU-minutes in total, not
/// 0.5 + 0.48 rounded separately. Everything is decimal, so amounts are exact up to the division by
/// 60 of the parser: passthrough divides by <c>unit_factor</c> and rounds to 2 decimals half-even;
/// mapping mode converts with the mapper and rounds to integers. The reference rounds binary doubles
/// instead, which differs only where the exact value lies on a half cent and the double does not
/// (0.3 CPU-minutes at 60 per hour is exactly 0.005: here 0.00, in the reference 0.01).
/// </remarks>
public static class UsageReportBuilder
{
    /// <summary>The key of an account's total.</summary>
    public const string TotalKey = "TOTAL_ACCOUNT_USAGE";

    /// <summary>TRES names to read from sacct: configured components, plus mapping targets.</summary>
    public static IReadOnlySet<string> TresKeys(IEnumerable<ComponentDefinition> components, ComponentMapper mapper) =>
        components.Select(c => c.Type).Concat(mapper.IsPassthrough ? [] : mapper.TargetKeys).ToHashSet(StringComparer.Ordinal);

    /// <summary>Builds the report; outer keys are the requested ids (matched ignoring case), accounts without lines are absent.</summary>
    public static UsageReport Build(IReadOnlyList<UsageLine> lines, IReadOnlyList<string> backendIds, IReadOnlyList<ComponentDefinition> components, ComponentMapper mapper)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in backendIds)
        {
            ids.TryAdd(id, id);
        }

        var raw = new Dictionary<string, Dictionary<string, Dictionary<string, decimal>>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!ids.TryGetValue(line.Account, out var id))
            {
                continue;
            }

            if (!raw.TryGetValue(id, out var users))
            {
                raw[id] = users = new(StringComparer.Ordinal);
            }

            if (!users.TryGetValue(line.User, out var sums))
            {
                users[line.User] = sums = new(StringComparer.Ordinal);
            }

            foreach (var (key, value) in line.Usage)
            {
                sums[key] = sums.GetValueOrDefault(key) + value;
            }
        }

        var factors = components.ToDictionary(c => c.Type, c => c.UnitFactor == 0 ? 1m : c.UnitFactor, StringComparer.Ordinal);
        var report = new Dictionary<string, ResourceUsage>(StringComparer.Ordinal);
        foreach (var (id, users) in raw)
        {
            var total = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var perUser = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
            foreach (var (user, sums) in users)
            {
                foreach (var (key, value) in sums)
                {
                    total[key] = total.GetValueOrDefault(key) + value;
                }

                perUser[user] = Convert(sums, factors, mapper);
            }

            report[id] = new ResourceUsage(Convert(total, factors, mapper), perUser);
        }

        return new UsageReport(report);
    }

    private static Dictionary<string, decimal> Convert(Dictionary<string, decimal> raw, Dictionary<string, decimal> factors, ComponentMapper mapper)
    {
        if (!mapper.IsPassthrough)
        {
            return mapper.FromTarget(raw).ToDictionary(p => p.Key, p => decimal.Round(p.Value, MidpointRounding.ToEven), StringComparer.Ordinal);
        }

        return raw.ToDictionary(p => p.Key, p => decimal.Round(p.Value / factors.GetValueOrDefault(p.Key, 1m), 2, MidpointRounding.ToEven), StringComparer.Ordinal);
    }
}
