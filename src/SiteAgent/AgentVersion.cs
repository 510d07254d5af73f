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

    /// <summary>The source commit the binary was built from (the SDK appends it to the informational version), or "unknown".</summary>
    public static string Commit { get; } = Informational.Split('+') is [_, var commit, ..] && commit.Length > 0 ? commit : "unknown";

    /// <summary>The .NET runtime, how the code runs (Native AOT or JIT) and the platform, e.g. ".NET 10.0.0, Native AOT, linux-x64".</summary>
    public static string Runtime { get; } =
        $"{RuntimeInformation.FrameworkDescription}, {(RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "Native AOT")}, {RuntimeInformation.RuntimeIdentifier}";
}
