using System.Reflection;
using Microsoft.Extensions.Logging;
using SiteAgent.Backends;
using SiteAgent.Core.Observability;
using SiteAgent.Generated;

namespace SiteAgent.Tests.Logging;

/// <summary>
/// Operators filter logs by event id, so an id means one thing across every shipped assembly. The
/// backends come from the registry and declare their own ranges, so adding one changes nothing here.
/// </summary>
public class EventIdCatalogueTests
{
    // The agent's own assemblies and the ranges they own.
    private static readonly (Assembly Assembly, int First, int Last)[] Core =
    [
        (typeof(LogEvents).Assembly, 1000, 2999),                               // SiteAgent.Core
        (typeof(SiteAgent.Commands.AgentCommandLine).Assembly, 1000, 2999),     // the executable
        (typeof(SiteAgent.Waldur.WaldurClient).Assembly, 3000, 3999),           // the Waldur client
        (typeof(BackendContext).Assembly, 4200, 4299),                          // the backend SDK
        (typeof(SiteAgent.Stomp.StompClient).Assembly, 5000, 5099),             // the STOMP client
    ];

    private static readonly Assembly[] Shipped = [.. Core.Select(c => c.Assembly).Concat(BackendAssemblies()).Distinct()];

    [Test]
    public async Task LoggerMessages_EveryEventIdIsUsedOnce()
    {
        var messages = Shipped.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m.DeclaringType!.FullName + "." + m.Name, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        await Assert.That(messages.Count > 50).IsTrue().Because($"found only {messages.Count} logger messages; is the scan broken?");
        var reused = messages.GroupBy(x => x.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Method))}").ToList();
        await Assert.That(reused.Count == 0).IsTrue().Because("event ids used more than once:\n" + string.Join("\n", reused));
        await Assert.That(messages).DoesNotContain(x => x.Attribute!.EventId == 0);
    }

    [Test]
    public async Task LoggerMessages_StayInTheirAssemblysRange()
    {
        foreach (var (assembly, low, high) in Core.Concat(BackendRanges()))
        {
            var outside = EventIds(assembly).Where(x => x.Id < low || x.Id > high).ToList();
            await Assert.That(outside.Count == 0).IsTrue().Because($"{assembly.GetName().Name}: ids outside {low}-{high}: {string.Join(", ", outside)}");
        }
    }

    [Test]
    public async Task Backends_ThatLog_DeclareRangesInsideTheBackendBlock_ThatOverlapNothing()
    {
        var backends = BackendAssemblies();
        await Assert.That(backends).Contains(a => a.GetName().Name == "SiteAgent.Backends.Slurm").Because("the registry scan found no SLURM backend; is it broken?");
        foreach (var assembly in backends.Where(a => EventIds(a).Any()))
        {
            await Assert.That(assembly.GetCustomAttribute<LogEventIdRangeAttribute>()).IsNotNull()
                .Because($"{assembly.GetName().Name} logs but declares no [assembly: LogEventIdRange(first, last)]");
        }

        var ranges = Core.Concat(BackendRanges()).DistinctBy(r => (r.First, r.Last)).ToList();
        foreach (var (assembly, first, last) in BackendRanges())
        {
            await Assert.That(first >= 4000 && last <= 4999 && first <= last).IsTrue().Because($"{assembly.GetName().Name}: {first}-{last} is not inside 4000-4999");
            var overlapping = ranges.Where(r => r.Assembly != assembly && r.First <= last && first <= r.Last).Select(r => r.Assembly.GetName().Name).ToList();
            await Assert.That(overlapping).IsEmpty().Because($"{assembly.GetName().Name}: {first}-{last} overlaps another assembly's range");
        }
    }

    /// <summary>The assemblies holding the backends of the executable's registry, found by their <see cref="ContainsBackendAttribute"/> markers.</summary>
    private static List<Assembly> BackendAssemblies()
    {
        var names = BackendRegistry.All.Select(d => d.TypeName).ToHashSet(StringComparer.Ordinal);
        return typeof(SiteAgent.Commands.AgentCommandLine).Assembly.GetReferencedAssemblies()
            .Select(name => System.Reflection.Assembly.Load(name))
            .Where(a => a.GetCustomAttributes<ContainsBackendAttribute>().Any(m => names.Contains(m.BackendType.FullName!)))
            .ToList();
    }

    private static IEnumerable<(Assembly Assembly, int First, int Last)> BackendRanges() =>
        BackendAssemblies()
            .Select(a => (Assembly: a, Range: a.GetCustomAttribute<LogEventIdRangeAttribute>()))
            .Where(x => x.Range is not null)
            .Select(x => (x.Assembly, x.Range!.First, x.Range.Last));

    private static IEnumerable<(string Name, int Id)> EventIds(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (m.Name, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Name, x.Attribute!.EventId));
}
