using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>The limits of one resource: what SLURM gets (TRES-minutes) and what Waldur is told.</summary>
/// <param name="Backend">GrpTRESMins values, truncated to integers.</param>
/// <param name="Waldur">Limits in Waldur units, truncated to integers.</param>
public sealed record ResourceLimits(IReadOnlyDictionary<string, long> Backend, IReadOnlyDictionary<string, decimal> Waldur);

/// <summary>
/// Limit arithmetic between Waldur units and SLURM's TRES-minutes:
/// <c>unit_factor</c> (1 when absent) in passthrough mode, the component mapper in mapping mode, months
/// for prepaid components.
/// </summary>
public sealed class SlurmLimits(IReadOnlyList<ComponentDefinition> components, ComponentMapper mapper)
{
    /// <summary>True when some component is prepaid (<c>accounting_type: one</c>).</summary>
    public bool HasPrepaid => components.Any(c => c.AccountingType == AccountingType.One);

    /// <summary>
    /// <c>_collect_resource_limits</c>: caps from usage components with a configured limit, plus the
    /// resource's limits of limit-based components, × months for prepaid ones. The TRES filter
    /// (step 5) is the caller's, since it needs the cluster.
    /// </summary>
    /// <param name="resource">The resource (limits, created, end date).</param>
    /// <param name="prepaidDatesMissing">Set when a prepaid component could not be multiplied.</param>
    public ResourceLimits Collect(ResourceRequest resource, out bool prepaidDatesMissing)
    {
        var backend = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var waldur = new Dictionary<string, decimal>(resource.Limits, StringComparer.Ordinal);
        foreach (var component in components.Where(c => c.AccountingType == AccountingType.Usage && c.Limit is not null))
        {
            backend[component.Type] = component.Limit!.Value * component.UnitFactor;
            waldur[component.Type] = component.Limit.Value;
        }

        var limitBased = components.Where(c => c.AccountingType is AccountingType.Limit or AccountingType.One).ToArray();
        if (mapper.IsPassthrough)
        {
            foreach (var component in limitBased)
            {
                if (resource.Limits.TryGetValue(component.Type, out var value))
                {
                    backend[component.Type] = value * component.UnitFactor;
                }
            }
        }
        else
        {
            var mapped = mapper.ToTarget(limitBased.Where(c => resource.Limits.ContainsKey(c.Type))
                .Select(c => new KeyValuePair<string, decimal>(c.Type, resource.Limits[c.Type])));
            foreach (var (key, value) in mapped)
            {
                backend[key] = value;
            }
        }

        prepaidDatesMissing = false;
        var prepaid = components.Where(c => c.AccountingType == AccountingType.One && backend.ContainsKey(c.Type)).ToArray();
        if (prepaid.Length > 0)
        {
            if (resource.Created is { } created && resource.EndDate is { } end)
            {
                var months = PrepaidMonths(created, end);
                foreach (var component in prepaid)
                {
                    backend[component.Type] *= months;
                }
            }
            else
            {
                prepaidDatesMissing = true;
            }
        }

        return new ResourceLimits(
            backend.ToDictionary(p => p.Key, p => (long)decimal.Truncate(p.Value), StringComparer.Ordinal),
            waldur.ToDictionary(p => p.Key, p => decimal.Truncate(p.Value), StringComparer.Ordinal));
    }

    /// <summary>
    /// <c>set_resource_limits</c>: passthrough → every given key × its <c>unit_factor</c> (1 for unknown
    /// keys), truncated; mapping mode → only limit-based components, through the mapper.
    /// </summary>
    public Dictionary<string, long> ToBackend(IReadOnlyDictionary<string, decimal> waldurLimits)
    {
        if (!mapper.IsPassthrough)
        {
            return mapper.ToTarget(waldurLimits.Where(p =>
                components.Any(c => c.Type == p.Key && c.AccountingType is AccountingType.Limit or AccountingType.One)));
        }

        return waldurLimits.ToDictionary(
            p => p.Key,
            p => (long)decimal.Truncate(p.Value * (Find(p.Key)?.UnitFactor ?? 1m)),
            StringComparer.Ordinal);
    }

    /// <summary><c>get_resource_limits</c>: configured components only, ÷ <c>unit_factor</c>, truncated.</summary>
    public Dictionary<string, decimal> ToWaldur(IReadOnlyDictionary<string, long> backendLimits)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in backendLimits)
        {
            if (Find(key) is { } component)
            {
                result[key] = decimal.Truncate(value / (component.UnitFactor == 0 ? 1m : component.UnitFactor));
            }
        }

        return result;
    }

    /// <summary>
    /// Months a prepaid resource runs: whole calendar months from <paramref name="created"/> to
    /// <paramref name="end"/>, plus one when the end day is later in its month, at least 1.
    /// </summary>
    public static int PrepaidMonths(DateTimeOffset created, DateTimeOffset end)
    {
        var months = ((end.Year - created.Year) * 12) + (end.Month - created.Month);
        if (end.Day > created.Day)
        {
            months++;
        }

        return Math.Max(months, 1);
    }

    private ComponentDefinition? Find(string type) => components.FirstOrDefault(c => c.Type == type);
}
