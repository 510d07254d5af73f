using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators.Tests;

/// <summary>One test per diagnostic id: the id, where it points, and that the class is left out.</summary>
public sealed class DiagnosticTests
{
    [Test]
    public async Task Sag001_TwoClassesShareAnId_ReportsTheSecondAndKeepsTheFirst()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("twin")]
            public sealed class FirstBackend : IProbe { }

            [Backend("twin")] // second
            public sealed class SecondBackend : IProbe { }
            """;

        var run = RunLibrary(source);

        var diagnostic = await AssertOnly(run, "SAG001", GeneratorHarness.LineOf(source, "// second"));
        await Assert.That(diagnostic.GetMessage()).Contains("Sites.Probes.FirstBackend");
        var markers = run.Source(GeneratorHarness.MarkersFile)!;
        await Assert.That(markers).Contains("FirstBackend");
        await Assert.That(markers).DoesNotContain("SecondBackend");
    }

    [Test]
    public async Task Sag002_IdNotLowerSnakeCase_ReportsAtTheId()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("My-Backend")]
            public sealed class MyBackend : IProbe { }
            """;

        await AssertLeftOut(RunLibrary(source), "SAG002", GeneratorHarness.LineOf(source, "My-Backend"));
    }

    [Test]
    public async Task Sag003_AbstractClass_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("abstract")]
            public abstract class AbstractBackend : IProbe { public AbstractBackend() { } }
            """;

        await AssertLeftOut(RunLibrary(source), "SAG003", GeneratorHarness.LineOf(source, "class AbstractBackend"));
    }

    [Test]
    public async Task Sag004_GenericClass_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("generic")]
            public sealed class GenericBackend<T> : IProbe { }
            """;

        await AssertLeftOut(RunLibrary(source), "SAG004", GeneratorHarness.LineOf(source, "class GenericBackend"));
    }

    [Test]
    public async Task Sag005_ClassNestedInInternalType_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            internal static class Outer
            {
                [Backend("hidden")]
                public sealed class HiddenBackend : IProbe { }
            }
            """;

        await AssertLeftOut(RunLibrary(source), "SAG005", GeneratorHarness.LineOf(source, "class HiddenBackend"));
    }

    [Test]
    public async Task Sag006_NoCapabilityInterface_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("useless")]
            public sealed class UselessBackend : System.IDisposable { public void Dispose() { } }
            """;

        await AssertLeftOut(RunLibrary(source), "SAG006", GeneratorHarness.LineOf(source, "class UselessBackend"));
    }

    [Test]
    public async Task Sag007_ConstructorNeedsUnknownParameter_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("picky")]
            public sealed class PickyBackend : IProbe { public PickyBackend(string name) { } }
            """;

        await AssertLeftOut(RunLibrary(source), "SAG007", GeneratorHarness.LineOf(source, "class PickyBackend"));
    }

    [Test]
    public async Task Sag008_SettingsWithoutInterface_ReportsAtTheSettingsArgument()
    {
        var source = TestSources.ProbePrelude + """
            public sealed class LooseSettings { }

            [Backend(
                "loose",
                Settings = typeof(LooseSettings))]
            public sealed class LooseBackend : IProbe { public LooseBackend(LooseSettings settings) { } }
            """;

        await AssertLeftOut(RunLibrary(source), "SAG008", GeneratorHarness.LineOf(source, "Settings = typeof"));
    }

    [Test]
    public async Task Sag009_ManifestNamesMissingBackend_ReportsWithoutLocationAndHint()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Base]), TestOptionsProvider.Host("base;nope"));

        var diagnostic = await Assert.That(run.Diagnostics).HasSingleItem();
        await Assert.That(diagnostic.Id).IsEqualTo("SAG009");
        await Assert.That(diagnostic.Location).IsEqualTo(Location.None);
        await Assert.That(diagnostic.GetMessage()).Contains("'nope'");
        await Assert.That(diagnostic.GetMessage()).Contains("src/SiteAgent/backends.props");
        await Assert.That(RegistryIds.Of(run.Source(GeneratorHarness.RegistryFile)!)).IsEquivalentTo(["base"], CollectionOrdering.Matching);
    }

    private static GeneratorRun RunLibrary(string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile("Library", [source]), TestOptionsProvider.Library());

    private static async Task<Diagnostic> AssertOnly(GeneratorRun run, string id, int line)
    {
        var diagnostic = await Assert.That(run.Diagnostics).HasSingleItem();
        await Assert.That(diagnostic.Id).IsEqualTo(id);
        await Assert.That(diagnostic.Severity).IsEqualTo(DiagnosticSeverity.Error);
        await Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line).IsEqualTo(line);
        return diagnostic;
    }

    private static async Task AssertLeftOut(GeneratorRun run, string id, int line)
    {
        await AssertOnly(run, id, line);
        await Assert.That(run.Source(GeneratorHarness.MarkersFile)).IsNull();
    }
}
