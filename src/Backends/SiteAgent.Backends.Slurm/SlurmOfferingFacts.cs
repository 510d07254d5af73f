using System.Text.Json;
using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm;

/// <summary>What the SLURM backend reads from the offering facts Waldur gives every backend.</summary>
internal static class SlurmOfferingFacts
{
    /// <summary>True when the offering's <c>plugin_options.enforce_qos</c> is JSON <c>true</c>.</summary>
    public static bool EnforcesQos(OfferingFacts offering) =>
        offering.PluginOptions.TryGetValue("enforce_qos", out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The offering's partition names, without blanks, sorted ordinally.</summary>
    public static IReadOnlyList<string> Partitions(OfferingFacts offering) =>
        offering.PartitionNames.Where(p => p.Length > 0).Order(StringComparer.Ordinal).ToArray();
}
