using System.Text.Json;

namespace SiteAgent.Backends.Model;

/// <summary>
/// What Waldur says about the offering, as Waldur says it. The core does not interpret these
/// facts; a backend reads the ones it understands (the SLURM backend reads <c>enforce_qos</c> and
/// the partitions) and ignores the rest.
/// </summary>
public sealed record OfferingFacts
{
    /// <summary>No facts: an offering Waldur said nothing about (listing backends, tests).</summary>
    public static OfferingFacts None { get; } = new();

    /// <summary>
    /// The offering's <c>plugin_options</c> that the core does not read itself, by option name, with
    /// their raw JSON values (e.g. <c>enforce_qos</c>).
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> PluginOptions { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Names of the offering's partitions, in Waldur's order; empty when it has none.</summary>
    public IReadOnlyList<string> PartitionNames { get; init; } = [];
}
