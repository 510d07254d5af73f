using System.Reflection;

namespace SiteAgent;

/// <summary>The agent's version, as reported by <c>--version</c>, in the User-Agent and to Waldur.</summary>
public static class AgentVersion
{
    /// <summary>The informational version without build metadata (e.g. <c>0.1.0</c>).</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
