using System.Reflection;

namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>Locates the shared schema and fixtures: <c>$WALDUR_SHARED_DIR</c>, else <c>shared/</c> beside the repository.</summary>
internal static class SharedFiles
{
    public static string Root { get; } = Locate();

    public static string SchemaPath => Path.Combine(Root, "waldur-api", "openapi-subset.json");

    public static string Fixture(string relative) => Path.Combine(Root, "fixtures", relative);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("WALDUR_SHARED_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var repoRoot = typeof(SharedFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepoRoot").Value!;
        foreach (var candidate in new[] { Path.Combine(repoRoot, "shared"), Path.Combine(repoRoot, "..", "shared") })
        {
            if (File.Exists(Path.Combine(candidate, "waldur-api", "openapi-subset.json")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new InvalidOperationException($"shared/ (schema and fixtures) not found beside {repoRoot}; set WALDUR_SHARED_DIR.");
    }
}
