using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators.Tests;

/// <summary>The host finds backends of referenced assemblies through the markers the generator left there.</summary>
public sealed class ReferencedAssemblyTests
{
    [Fact]
    public void Registry_BackendInReferencedAssembly_IsFound()
    {
        var library = GeneratorHarness.Run(
            GeneratorHarness.Compile("Sites.Slurm", [TestSources.Slurm]), TestOptionsProvider.Library());
        Assert.Empty(library.CompilationErrors);
        var libraryReference = MetadataReference.CreateFromImage(Emit(library.Output));

        var host = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Base], libraryReference), TestOptionsProvider.Host());

        Assert.Empty(host.Diagnostics);
        var registry = host.Source(GeneratorHarness.RegistryFile)!;
        Assert.Equal(["base", "slurm"], RegistryIds.Of(registry));
        Assert.Contains("global::Sites.Slurm.SlurmSettings.Read(reader)", registry, StringComparison.Ordinal);
        Assert.Empty(host.CompilationErrors);
    }

    [Fact]
    public void Registry_SameIdInHostAndReference_ReportsDuplicate()
    {
        var library = GeneratorHarness.Run(
            GeneratorHarness.Compile("Sites.Slurm", [TestSources.Slurm]), TestOptionsProvider.Library());
        var libraryReference = MetadataReference.CreateFromImage(Emit(library.Output));
        var impostor = TestSources.Base
            .Replace("[Backend(\"base\")]", "[Backend(\"slurm\")]", StringComparison.Ordinal);

        var host = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [impostor], libraryReference), TestOptionsProvider.Host());

        var diagnostic = Assert.Single(host.Diagnostics);
        Assert.Equal("SAG001", diagnostic.Id);
        Assert.Equal(["slurm"], RegistryIds.Of(host.Source(GeneratorHarness.RegistryFile)!));
    }

    private static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
