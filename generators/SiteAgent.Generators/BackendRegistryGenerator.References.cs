using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using SiteAgent.Generators.Model;

namespace SiteAgent.Generators;

/// <content>Finds backends of referenced assemblies through their <c>ContainsBackend</c> markers.</content>
public sealed partial class BackendRegistryGenerator
{
    internal static partial class Parser
    {
        /// <summary>Parses every class named by a <c>ContainsBackend</c> attribute of a referenced assembly.</summary>
        /// <remarks>Reads assembly attributes only, so a host with hundreds of references pays no type scan.</remarks>
        public static ReferencedBackends ScanReferences(Compilation compilation, CancellationToken cancellationToken)
        {
            var known = KnownTypes.From(compilation);
            if (known is null)
            {
                return ReferencedBackends.None;
            }

            var backends = new List<BackendModel>();
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var marker in assembly.GetAttributes())
                {
                    if (!SymbolEqualityComparer.Default.Equals(marker.AttributeClass, known.ContainsBackendAttribute)
                        || marker.ConstructorArguments.Length != 1
                        || marker.ConstructorArguments[0].Value is not INamedTypeSymbol { TypeKind: not TypeKind.Error } type
                        || BackendAttributeOf(type, known) is not { } attribute)
                    {
                        continue;
                    }

                    var result = Parse(type, attribute, known, classLocation: null, cancellationToken);
                    if (result.Backend is not null)
                    {
                        backends.Add(result.Backend);
                    }

                    diagnostics.AddRange(result.Diagnostics);
                }
            }

            return new ReferencedBackends(backends.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static AttributeData? BackendAttributeOf(INamedTypeSymbol type, KnownTypes known)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.BackendAttribute))
                {
                    return attribute;
                }
            }

            return null;
        }
    }
}
