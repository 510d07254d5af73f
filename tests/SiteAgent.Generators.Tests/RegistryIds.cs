using System.Text.RegularExpressions;

namespace SiteAgent.Generators.Tests;

/// <summary>Reads the backend ids out of generated registry source.</summary>
internal static partial class RegistryIds
{
    /// <summary>The ids of the <c>Find</c> switch, in emitted order.</summary>
    public static IReadOnlyList<string> Of(string registrySource) =>
        FindArm().Matches(registrySource).Select(match => match.Groups["id"].Value).ToList();

    [GeneratedRegex("^\\s*\"(?<id>[a-z0-9_]+)\" => All\\[", RegexOptions.Multiline)]
    private static partial Regex FindArm();
}
