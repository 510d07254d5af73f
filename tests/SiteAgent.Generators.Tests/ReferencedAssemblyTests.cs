using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators.Tests;

/// <summary>The host finds backends of referenced assemblies through the markers the generator left there.</summary>
public sealed class ReferencedAssemblyTests
{
    [Test]
    public async Task Registry_BackendInReferencedAssembly_IsFound()
    {
        var library = GeneratorHarness.Run(
            GeneratorHarness.Compile("Sites.Slurm", [TestSources.Slurm]), TestOptionsProvider.Library());
        await Assert.That(library.CompilationErrors).IsEmpty();
        var libraryReference = MetadataReference.CreateFromImage(await Emit(library.Output));

        var host = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Base], libraryReference), TestOptionsProvider.Host());

        await Assert.That(host.Diagnostics).IsEmpty();
        var registry = host.Source(GeneratorHarness.RegistryFile)!;
        await Assert.That(RegistryIds.Of(registry)).IsEquivalentTo(["base", "slurm"], CollectionOrdering.Matching);
        await Assert.That(registry).Contains("global::Sites.Slurm.SlurmSettings.Read(reader)");
        await Assert.That(host.CompilationErrors).IsEmpty();
    }

    [Test]
    public async Task Registry_SameIdInHostAndReference_ReportsDuplicate()
    {
        var library = GeneratorHarness.Run(
            GeneratorHarness.Compile("Sites.Slurm", [TestSources.Slurm]), TestOptionsProvider.Library());
        var libraryReference = MetadataReference.CreateFromImage(await Emit(library.Output));
        var impostor = TestSources.Base
            .Replace("[Backend(\"base\")]", "[Backend(\"slurm\")]", StringComparison.Ordinal);

        var host = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [impostor], libraryReference), TestOptionsProvider.Host());

        var diagnostic = await Assert.That(host.Diagnostics).HasSingleItem();
        await Assert.That(diagnostic.Id).IsEqualTo("SAG001");
        await Assert.That(RegistryIds.Of(host.Source(GeneratorHarness.RegistryFile)!)).IsEquivalentTo(["slurm"], CollectionOrdering.Matching);
    }

    private static async Task<byte[]> Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, cancellationToken: TestContext.Current!.Execution.CancellationToken);
        await Assert.That(result.Success).IsTrue().Because(string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
