using System.IO;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Cli;

/// <summary>The build manifest decides which backends a binary holds: a second build proves it.</summary>
public class ManifestBuildTests
{
    [Test]
    public async Task Build_WithBaseOnlyManifest_ListsOnlyBase()
    {
        var artifacts = Directory.CreateTempSubdirectory("agent-manifest-").FullName;
        try
        {
            var build = await ProcessRunner.RunAsync("dotnet",
                ["build", RepositoryPaths.Combine("src", "SiteAgent", "SiteAgent.csproj"), "-c", "Release", "-f", "net10.0",
                 "-p:Backends=base", $"-p:ArtifactsPath={artifacts}", "--disable-build-servers", "-nologo"],
                timeout: TimeSpan.FromMinutes(8));
            await Assert.That(build.ExitCode == 0).IsTrue().Because(build.ToString());

            var binary = Path.Combine(artifacts, "bin", "SiteAgent", "release", "waldur-site-agent");
            var list = await ProcessRunner.RunAsync(binary, ["backends", "list", "--json"]);

            await Assert.That(list.ExitCode).IsEqualTo(0);
            await Assert.That(list.Output).Contains("\"id\": \"base\"");
            await Assert.That(list.Output).DoesNotContain("\"id\": \"slurm\"");
            await Assert.That(File.Exists(Path.Combine(artifacts, "bin", "SiteAgent", "release", "SiteAgent.Backends.Slurm.dll"))).IsFalse().Because("a base-only build must not carry the SLURM backend's code");
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
