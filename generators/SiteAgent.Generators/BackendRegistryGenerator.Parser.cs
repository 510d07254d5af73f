using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SiteAgent.Generators.Model;

namespace SiteAgent.Generators;

/// <content>Turns a <c>[Backend]</c> class into a <see cref="BackendModel"/> or diagnostics.</content>
public sealed partial class BackendRegistryGenerator
{
    internal static partial class Parser
    {
        private static readonly Regex IdPattern = new("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        private static readonly SymbolDisplayFormat TypeNameFormat =
            SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

        /// <summary>The transform of the syntax provider: parses one class declared in this compilation.</summary>
        public static ParseResult ParseDeclared(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var known = KnownTypes.From(context.SemanticModel.Compilation);
            if (known is null || context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.IsDefaultOrEmpty)
            {
                return Skipped;
            }

            var classLocation = context.TargetNode is BaseTypeDeclarationSyntax declaration
                ? LocationInfo.From(declaration.Identifier.GetLocation())
                : null;
            return Parse(type, context.Attributes[0], known, classLocation, cancellationToken);
        }

        /// <summary>Validates a class and reads its attribute; the same rules apply to source and metadata classes.</summary>
        public static ParseResult Parse(
            INamedTypeSymbol type, AttributeData attribute, KnownTypes known, LocationInfo? classLocation, CancellationToken cancellationToken)
        {
            // A binding error in the attribute is already reported by the compiler.
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
            {
                return Skipped;
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var attributeLocation = LocationInfo.From(syntax);
            var idLocation = LocationInfo.From(IdArgument(syntax)) ?? attributeLocation;
            var settingsLocation = LocationInfo.From(NamedArgument(syntax, "Settings")) ?? attributeLocation;
            classLocation ??= attributeLocation;

            var name = type.ToDisplayString(TypeNameFormat);
            var id = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
            var named = attribute.NamedArguments.ToDictionary(pair => pair.Key, pair => pair.Value.Value);
            var settingsType = named.TryGetValue("Settings", out var settingsValue) && settingsValue is ITypeSymbol explicitSettings
                ? explicitSettings
                : known.NoSettings;

            var diagnostics = new List<DiagnosticInfo>();
            if (!IdPattern.IsMatch(id))
            {
                diagnostics.Add(DiagnosticInfo.Create(BackendDiagnostics.InvalidId, idLocation, id, name));
            }

            CheckShape(type, name, classLocation, diagnostics);
            var capabilities = Capabilities(type, known);
            if (capabilities.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(BackendDiagnostics.NoCapability, classLocation, name));
            }

            if (!ImplementsSettingsInterface(settingsType, known))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    BackendDiagnostics.InvalidSettings, settingsLocation, settingsType.ToDisplayString(TypeNameFormat), name));
            }

            var arguments = ChooseConstructor(type, settingsType, known);
            if (arguments is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    BackendDiagnostics.NoConstructor, classLocation, name, settingsType.ToDisplayString(TypeNameFormat)));
            }

            if (diagnostics.Count > 0)
            {
                return new ParseResult(null, idLocation, diagnostics.ToEquatableArray());
            }

            var model = new BackendModel(
                id,
                named.TryGetValue("DisplayName", out var display) && display is string displayName ? displayName : DefaultDisplayName(type.Name),
                named.TryGetValue("Version", out var version) && version is string text ? text : AssemblyVersion(type),
                named.TryGetValue("Description", out var description) && description is string about ? about : string.Empty,
                name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                settingsType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                capabilities.ToEquatableArray(),
                arguments!.ToEquatableArray());
            return new ParseResult(model, idLocation, EquatableArray<DiagnosticInfo>.Empty);
        }

        private static ParseResult Skipped { get; } = new(null, null, EquatableArray<DiagnosticInfo>.Empty);

        private static AttributeArgumentSyntax? IdArgument(AttributeSyntax? syntax) =>
            syntax?.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals is null);

        private static AttributeArgumentSyntax? NamedArgument(AttributeSyntax? syntax, string name) =>
            syntax?.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name);

        private static string DefaultDisplayName(string typeName)
        {
            const string Suffix = "Backend";
            return typeName.Length > Suffix.Length && typeName.EndsWith(Suffix, System.StringComparison.Ordinal)
                ? typeName.Substring(0, typeName.Length - Suffix.Length)
                : typeName;
        }

        private static string AssemblyVersion(INamedTypeSymbol type)
        {
            var version = type.ContainingAssembly.Identity.Version;
            return $"{version.Major}.{version.Minor}.{version.Build}";
        }
    }
}
