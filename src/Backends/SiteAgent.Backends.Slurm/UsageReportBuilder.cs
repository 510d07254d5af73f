using System.Numerics;
using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Turns sacct usage lines into a usage report in Waldur units (slurm.md §6.4–6.6, contract.md §9).
/// </summary>
/// <remarks>
/// Sums are kept raw per account and user, <c>TOTAL_ACCOUNT_USAGE</c> is the key-wise sum of the raw
/// user sums, and only then is anything converted and rounded: 0.98 CPU-minutes in total, not
/// 0.5 + 0.48 rounded separately. Passthrough divides by <c>unit_factor</c> and rounds to 2 decimals the
/// way Python's <c>round(x, 2)</c> does (on the exact binary value, ties to even); mapping mode
/// converts with the mapper and rounds to integers.
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

        var raw = new Dictionary<string, Dictionary<string, Dictionary<string, double>>>(StringComparer.Ordinal);
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

        var factors = components.ToDictionary(c => c.Type, c => c.UnitFactor == 0 ? 1.0 : (double)c.UnitFactor, StringComparer.Ordinal);
        var report = new Dictionary<string, ResourceUsage>(StringComparer.Ordinal);
        foreach (var (id, users) in raw)
        {
            var total = new Dictionary<string, double>(StringComparer.Ordinal);
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

    /// <summary>Python's <c>round(x, digits)</c>: half-even on the exact binary value of the double.</summary>
    /// <remarks><c>Math.Round(2.675, 2)</c> gives 2.68 in .NET; Python gives 2.67 because 2.675 is really 2.67499999….</remarks>
    public static decimal RoundLikePython(double value, int digits)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var scale = BigInteger.Pow(10, digits);
        var numerator = mantissa * scale;
        var denominator = BigInteger.One;
        if (exponent > 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var comparison = (remainder * 2).CompareTo(denominator);
        if (comparison > 0 || (comparison == 0 && !quotient.IsEven))
        {
            quotient += 1;
        }

        if (quotient > new BigInteger(decimal.MaxValue))
        {
            return (decimal)Math.Round(value, digits, MidpointRounding.ToEven);
        }

        var result = (decimal)quotient / (decimal)scale;
        return negative ? -result : result;
    }

    private static Dictionary<string, decimal> Convert(Dictionary<string, double> raw, Dictionary<string, double> factors, ComponentMapper mapper)
    {
        if (!mapper.IsPassthrough)
        {
            return mapper.FromTarget(raw).ToDictionary(p => p.Key, p => (decimal)Math.Round(p.Value, MidpointRounding.ToEven), StringComparer.Ordinal);
        }

        return raw.ToDictionary(p => p.Key, p => RoundLikePython(p.Value / factors.GetValueOrDefault(p.Key, 1.0), 2), StringComparer.Ordinal);
    }
}
