using System.Reflection;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Observability;

namespace SiteAgent.Tests.Logging;

/// <summary>Operators filter logs by event id, so an id means one thing across every shipped assembly.</summary>
public class EventIdCatalogueTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(LogEvents).Assembly,                                  // SiteAgent.Core
        typeof(SiteAgent.Commands.AgentCommandLine).Assembly,        // the executable
        typeof(SiteAgent.Waldur.WaldurClient).Assembly,              // the Waldur client
        typeof(SiteAgent.Backends.BackendContext).Assembly,          // the backend SDK
        typeof(SiteAgent.Backends.Slurm.SlurmBackend).Assembly,      // the SLURM backend
        typeof(SiteAgent.Stomp.StompClient).Assembly,                // the STOMP client
    ];

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
        foreach (var (assembly, low, high) in new[]
                 {
                     (typeof(LogEvents).Assembly, 1000, 2999),
                     (typeof(SiteAgent.Commands.AgentCommandLine).Assembly, 1000, 2999),
                     (typeof(SiteAgent.Waldur.WaldurClient).Assembly, 3000, 3999),
                     (typeof(SiteAgent.Backends.BackendContext).Assembly, 4200, 4299),
                     (typeof(SiteAgent.Backends.Slurm.SlurmBackend).Assembly, 4000, 4199),
                     (typeof(SiteAgent.Stomp.StompClient).Assembly, 5000, 5099),
                 })
        {
            var outside = assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                .Select(m => (m.Name, Id: m.GetCustomAttribute<LoggerMessageAttribute>()?.EventId))
                .Where(x => x.Id is { } id && (id < low || id > high))
                .ToList();
            await Assert.That(outside.Count == 0).IsTrue().Because($"{assembly.GetName().Name}: ids outside {low}-{high}: {string.Join(", ", outside)}");
        }
    }
}
