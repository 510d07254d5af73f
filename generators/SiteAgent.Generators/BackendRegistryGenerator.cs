using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SiteAgent.Generators.Model;

namespace SiteAgent.Generators;

/// <summary>
/// Marks every assembly that declares <c>[Backend]</c> classes, and in the host (MSBuild property
/// <c>SiteAgentBackendRegistry=true</c>) emits <c>SiteAgent.Generated.BackendRegistry</c> with the
/// backends the <c>SiteAgentBackends</c> manifest selects.
/// </summary>
/// <remarks>
/// Every step after the syntax provider and the reference scan holds only equatable values, so an
/// edit that changes no backend stops at the first step and nothing is emitted again.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class BackendRegistryGenerator : IIncrementalGenerator
{
    private const string BackendAttributeName = "SiteAgent.Backends.BackendAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                BackendAttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntax, cancellationToken) => Parser.ParseDeclared(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Declared);

        context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), static (output, diagnostics) => Report(output, diagnostics));
        context.RegisterSourceOutput(
            parsed.Collect().Select(static (results, _) => Selection.DuplicateDeclarations(results).ToEquatableArray()),
            static (output, diagnostics) => Report(output, diagnostics));

        // Locations stay behind in ParseResult, so moving a class does not re-emit anything.
        var declared = parsed
            .Where(static result => result.Backend is not null)
            .Select(static (result, _) => result.Backend!)
            .Collect()
            .Select(static (backends, _) => Selection.Declared(backends))
            .WithTrackingName(TrackingNames.DeclaredModels);
        context.RegisterSourceOutput(declared, static (output, backends) => Emitter.EmitMarkers(output, backends));

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Selection.ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.HostOptions);
        var referenced = context.CompilationProvider
            .Combine(options)
            .Select(static (pair, cancellationToken) =>
                pair.Right.Enabled ? Parser.ScanReferences(pair.Left, cancellationToken) : ReferencedBackends.None)
            .WithTrackingName(TrackingNames.ReferencedBackends);
        var registry = declared
            .Combine(referenced)
            .Combine(options)
            .Select(static (input, _) => Selection.Build(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registry, static (output, model) => Emitter.EmitRegistry(output, model));
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>Names of the pipeline steps, for tests that check what the incremental cache served.</summary>
    public static class TrackingNames
    {
        /// <summary>One parse result per <c>[Backend]</c> class of this compilation.</summary>
        public const string Declared = nameof(Declared);

        /// <summary>The valid backends of this compilation, without locations.</summary>
        public const string DeclaredModels = nameof(DeclaredModels);

        /// <summary>The host switch and manifest.</summary>
        public const string HostOptions = nameof(HostOptions);

        /// <summary>Backends found through referenced assemblies' markers.</summary>
        public const string ReferencedBackends = nameof(ReferencedBackends);

        /// <summary>The registry model the emitter receives.</summary>
        public const string Registry = nameof(Registry);
    }
}
