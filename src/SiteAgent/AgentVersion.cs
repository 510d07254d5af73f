using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiteAgent;

/// <summary>The agent's version, as reported by <c>--version</c>, in the User-Agent and to Waldur.</summary>
public static class AgentVersion
{
    private static readonly string Informational =
        typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The informational version without build metadata (e.g. <c>0.1.0</c>).</summary>
    public static string Current { get; } = Informational.Split('+')[0];

    /// <summary>
    /// The git commit the binary was built from (the SDK appends it to the informational version when
    /// the source is a git checkout); <c>unknown</c> for a build from a plain source tree.
    /// </summary>
    public static string Commit { get; } = Informational.Split('+') is [_, { Length: > 0 } commit, ..] ? commit : "unknown";

    /// <summary>The .NET runtime running the agent, e.g. <c>.NET 10.0.12 (Native AOT)</c>.</summary>
    public static string Runtime =>
        RuntimeInformation.FrameworkDescription + (RuntimeFeature.IsDynamicCodeSupported ? " (JIT)" : " (Native AOT)");
}
