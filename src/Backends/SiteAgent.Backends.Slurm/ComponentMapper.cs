using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Converts between Waldur components and the TRES they stand for (<c>target_components</c>).
/// A component without targets maps to itself with factor 1.
/// </summary>
public sealed class ComponentMapper
{
    private readonly Dictionary<string, List<(string Target, decimal Factor)>> _forward = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Source, decimal Factor)>> _reverse = new(StringComparer.Ordinal);

    /// <summary>Builds the mapper from the offering's components.</summary>
    public ComponentMapper(IEnumerable<ComponentDefinition> components)
    {
        foreach (var component in components)
        {
            IEnumerable<(string, decimal)> targets = component.TargetComponents.Count == 0
                ? [(component.Type, 1m)]
                : component.TargetComponents.Select(t => (t.Type, t.Factor));
            var forward = _forward[component.Type] = [];
            foreach (var (target, factor) in targets)
            {
                forward.Add((target, factor));
                if (!_reverse.TryGetValue(target, out var reverse))
                {
                    _reverse[target] = reverse = [];
                }

                reverse.Add((component.Type, factor));
            }

            IsPassthrough &= component.TargetComponents.Count == 0;
        }
    }

    /// <summary>True when no component declares targets (limits and usage use <c>unit_factor</c>).</summary>
    public bool IsPassthrough { get; } = true;

    /// <summary>Every backend-side name: targets, and components without targets.</summary>
    public IReadOnlyCollection<string> TargetKeys => _reverse.Keys;

    /// <summary>
    /// Waldur → backend: each value × factor, summed per target (fan-in), truncated toward zero. A
    /// component the mapper does not know passes through under its own name.
    /// </summary>
    public Dictionary<string, long> ToTarget(IEnumerable<KeyValuePair<string, decimal>> source)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, value) in source)
        {
            IEnumerable<(string Target, decimal Factor)> targets = _forward.TryGetValue(name, out var list) ? list : [(name, 1m)];
            foreach (var (target, factor) in targets)
            {
                sums[target] = sums.GetValueOrDefault(target) + (value * factor);
            }
        }

        return sums.ToDictionary(p => p.Key, p => (long)decimal.Truncate(p.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// Backend → Waldur: each target value ÷ factor added to every source of that target (a source
    /// with several targets gets their sum; a factor of 0 contributes 0). Unknown targets are dropped.
    /// </summary>
    public Dictionary<string, decimal> FromTarget(IEnumerable<KeyValuePair<string, decimal>> target)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, value) in target)
        {
            if (!_reverse.TryGetValue(name, out var sources))
            {
                continue;
            }

            foreach (var (source, factor) in sources)
            {
                result[source] = result.GetValueOrDefault(source) + (factor == 0 ? 0 : value / factor);
            }
        }

        return result;
    }
}
