using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Emulator.Faults;

/// <summary>Holds active fault rules and hands out the first one matching a request, counting down its uses.</summary>
public sealed class FaultInjector
{
    private readonly object _sync = new();
    private readonly List<ActiveFault> _faults = [];
    private int _nextId;

    /// <summary>Adds a rule and returns its id.</summary>
    public int Add(FaultRule rule)
    {
        rule.Validate();
        lock (_sync)
        {
            var id = ++_nextId;
            _faults.Add(new ActiveFault(id, rule, rule.Matcher(), rule.Times));
            return id;
        }
    }

    /// <summary>Removes one rule; false when it is not there (or already used up).</summary>
    public bool Remove(int id)
    {
        lock (_sync) return _faults.RemoveAll(f => f.Id == id) > 0;
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_sync) _faults.Clear();
    }

    /// <summary>The active rules with their remaining counts, as admin JSON.</summary>
    public JsonArray Describe()
    {
        lock (_sync)
            return new JsonArray(_faults.Select(f => (JsonNode)new JsonObject
            {
                ["id"] = f.Id,
                ["path"] = f.Rule.Path,
                ["pathRegex"] = f.Rule.PathRegex,
                ["method"] = f.Rule.Method,
                ["remaining"] = f.Remaining,
                ["status"] = f.Rule.Status,
                ["delayMs"] = f.Rule.DelayMs,
                ["drop"] = f.Rule.Drop,
                ["afterHandling"] = f.Rule.AfterHandling,
            }).ToArray());
    }

    /// <summary>Takes one use of the first rule matching the request, or null.</summary>
    public FaultRule? Take(string method, string path)
    {
        lock (_sync)
        {
            var fault = _faults.FirstOrDefault(f =>
                (f.Rule.Method is null || string.Equals(f.Rule.Method, method, StringComparison.OrdinalIgnoreCase)) && f.Matcher.IsMatch(path));
            if (fault is null) return null;
            if (fault.Remaining is { } left)
            {
                fault.Remaining = left - 1;
                if (fault.Remaining == 0) _faults.Remove(fault);
            }
            return fault.Rule;
        }
    }

    private sealed class ActiveFault(int id, FaultRule rule, Regex matcher, int? remaining)
    {
        public int Id { get; } = id;
        public FaultRule Rule { get; } = rule;
        public Regex Matcher { get; } = matcher;
        public int? Remaining { get; set; } = remaining;
    }
}
