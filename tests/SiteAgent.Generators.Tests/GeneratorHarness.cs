using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SiteAgent.Backends;

namespace SiteAgent.Generators.Tests;

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Output,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The generator's result (it is the only generator).</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results[0];

    /// <summary>Text of the generated file with the given name, or null when it was not generated.</summary>
    public string? Source(string hintName) =>
        Result.GeneratedSources.FirstOrDefault(source => source.HintName == hintName).SourceText?.ToString();

    /// <summary>Ids of the reported diagnostics, sorted.</summary>
    public IReadOnlyList<string> DiagnosticIds => Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>Errors of the input compiled together with the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}

/// <summary>Builds test compilations and runs <see cref="BackendRegistryGenerator"/> on them.</summary>
internal static class GeneratorHarness
{
    /// <summary>Name of the generated registry file.</summary>
    public const string RegistryFile = "BackendRegistry.g.cs";

    /// <summary>Name of the generated marker file.</summary>
    public const string MarkersFile = "BackendAssemblyMarkers.g.cs";

    /// <summary>Language options of every test compilation and of the driver.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = FrameworkAndBackends();

    /// <summary>A library compilation of the given sources, referencing the framework and SiteAgent.Backends.</summary>
    public static CSharpCompilation Compile(string assemblyName, IEnumerable<string> sources, params MetadataReference[] extra) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, index) => Parse(source, $"Source{index}.cs")),
            References.AddRange(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Parses one source file with the test language options.</summary>
    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>A driver that records every pipeline step, so tests can ask what was cached.</summary>
    public static GeneratorDriver CreateDriver(AnalyzerConfigOptionsProvider options) =>
        CSharpGeneratorDriver.Create(
            [new BackendRegistryGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on a compilation.</summary>
    public static GeneratorRun Run(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
        Run(CreateDriver(options), compilation);

    /// <summary>Runs an existing driver (keeping its cache) on a compilation.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(
            compilation, out var output, out var diagnostics, TestContext.Current!.Execution.CancellationToken);
        return new GeneratorRun(driver, output, diagnostics);
    }

    /// <summary>The 0-based line of the first line containing <paramref name="marker"/>.</summary>
    public static int LineOf(string source, string marker)
    {
        var lines = source.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(marker, StringComparison.Ordinal));
        return index >= 0 ? index : throw new ArgumentException($"'{marker}' is not in the source", nameof(marker));
    }

    /// <summary>Framework reference assemblies of this runtime plus SiteAgent.Backends and what it exposes.</summary>
    private static ImmutableArray<MetadataReference> FrameworkAndBackends()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory);
        string[] backends =
        [
            typeof(BackendAttribute).Assembly.Location,
            typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location,
        ];
        return [.. framework.Concat(backends).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
