using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators.Tests;

/// <summary>One test per diagnostic id: the id, where it points, and that the class is left out.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Sag001_TwoClassesShareAnId_ReportsTheSecondAndKeepsTheFirst()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("twin")]
            public sealed class FirstBackend : IProbe { }

            [Backend("twin")] // second
            public sealed class SecondBackend : IProbe { }
            """;

        var run = RunLibrary(source);

        var diagnostic = AssertOnly(run, "SAG001", GeneratorHarness.LineOf(source, "// second"));
        Assert.Contains("Sites.Probes.FirstBackend", diagnostic.GetMessage(), StringComparison.Ordinal);
        var markers = run.Source(GeneratorHarness.MarkersFile)!;
        Assert.Contains("FirstBackend", markers, StringComparison.Ordinal);
        Assert.DoesNotContain("SecondBackend", markers, StringComparison.Ordinal);
    }

    [Fact]
    public void Sag002_IdNotLowerSnakeCase_ReportsAtTheId()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("My-Backend")]
            public sealed class MyBackend : IProbe { }
            """;

        AssertLeftOut(RunLibrary(source), "SAG002", GeneratorHarness.LineOf(source, "My-Backend"));
    }

    [Fact]
    public void Sag003_AbstractClass_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("abstract")]
            public abstract class AbstractBackend : IProbe { public AbstractBackend() { } }
            """;

        AssertLeftOut(RunLibrary(source), "SAG003", GeneratorHarness.LineOf(source, "class AbstractBackend"));
    }

    [Fact]
    public void Sag004_GenericClass_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("generic")]
            public sealed class GenericBackend<T> : IProbe { }
            """;

        AssertLeftOut(RunLibrary(source), "SAG004", GeneratorHarness.LineOf(source, "class GenericBackend"));
    }

    [Fact]
    public void Sag005_ClassNestedInInternalType_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            internal static class Outer
            {
                [Backend("hidden")]
                public sealed class HiddenBackend : IProbe { }
            }
            """;

        AssertLeftOut(RunLibrary(source), "SAG005", GeneratorHarness.LineOf(source, "class HiddenBackend"));
    }

    [Fact]
    public void Sag006_NoCapabilityInterface_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("useless")]
            public sealed class UselessBackend : System.IDisposable { public void Dispose() { } }
            """;

        AssertLeftOut(RunLibrary(source), "SAG006", GeneratorHarness.LineOf(source, "class UselessBackend"));
    }

    [Fact]
    public void Sag007_ConstructorNeedsUnknownParameter_ReportsAtTheClass()
    {
        var source = TestSources.ProbePrelude + """
            [Backend("picky")]
            public sealed class PickyBackend : IProbe { public PickyBackend(string name) { } }
            """;

        AssertLeftOut(RunLibrary(source), "SAG007", GeneratorHarness.LineOf(source, "class PickyBackend"));
    }

    [Fact]
    public void Sag008_SettingsWithoutInterface_ReportsAtTheSettingsArgument()
    {
        var source = TestSources.ProbePrelude + """
            public sealed class LooseSettings { }

            [Backend(
                "loose",
                Settings = typeof(LooseSettings))]
            public sealed class LooseBackend : IProbe { public LooseBackend(LooseSettings settings) { } }
            """;

        AssertLeftOut(RunLibrary(source), "SAG008", GeneratorHarness.LineOf(source, "Settings = typeof"));
    }

    [Fact]
    public void Sag009_ManifestNamesMissingBackend_ReportsWithoutLocationAndHint()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Base]), TestOptionsProvider.Host("base;nope"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SAG009", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("'nope'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("src/SiteAgent/backends.props", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(["base"], RegistryIds.Of(run.Source(GeneratorHarness.RegistryFile)!));
    }

    private static GeneratorRun RunLibrary(string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile("Library", [source]), TestOptionsProvider.Library());

    private static Diagnostic AssertOnly(GeneratorRun run, string id, int line)
    {
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        return diagnostic;
    }

    private static void AssertLeftOut(GeneratorRun run, string id, int line)
    {
        AssertOnly(run, id, line);
        Assert.Null(run.Source(GeneratorHarness.MarkersFile));
    }
}
