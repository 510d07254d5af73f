using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SiteAgent.Generators.Tests;

/// <summary>Stands in for MSBuild's <c>build_property.*</c> values (CompilerVisibleProperty).</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
{
    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(globals);

    /// <summary>Options for a host build: the registry switch and, when given, the manifest.</summary>
    public static TestOptionsProvider Host(string? manifest = null)
    {
        var globals = new Dictionary<string, string> { ["build_property.SiteAgentBackendRegistry"] = "true" };
        if (manifest is not null)
        {
            globals["build_property.SiteAgentBackends"] = manifest;
        }

        return new TestOptionsProvider(globals);
    }

    /// <summary>Options for a library build: no registry.</summary>
    public static TestOptionsProvider Library() => new(new Dictionary<string, string>());

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static DictionaryOptions Empty { get; } = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
