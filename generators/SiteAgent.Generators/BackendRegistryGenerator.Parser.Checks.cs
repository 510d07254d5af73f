using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SiteAgent.Generators.Model;

namespace SiteAgent.Generators;

/// <content>The rules a backend class must follow so that generated code can create it.</content>
public sealed partial class BackendRegistryGenerator
{
    internal static partial class Parser
    {
        private static void CheckShape(INamedTypeSymbol type, string name, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            if (type.IsAbstract || type.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(BackendDiagnostics.AbstractClass, location, name));
            }

            if (SelfAndContainers(type).Any(t => t.TypeParameters.Length > 0))
            {
                diagnostics.Add(DiagnosticInfo.Create(BackendDiagnostics.GenericClass, location, name));
            }

            // The registry lives in the host assembly, so internal is as unreachable as private.
            if (SelfAndContainers(type).Any(t => t.DeclaredAccessibility != Accessibility.Public))
            {
                diagnostics.Add(DiagnosticInfo.Create(BackendDiagnostics.NotPublic, location, name));
            }
        }

        private static IEnumerable<INamedTypeSymbol> SelfAndContainers(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                yield return current;
            }
        }

        /// <summary>Names of every capability interface the class implements, directly or through other interfaces.</summary>
        private static List<string> Capabilities(INamedTypeSymbol type, KnownTypes known)
        {
            var names = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var candidate in type.AllInterfaces)
            {
                foreach (var attribute in candidate.OriginalDefinition.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.CapabilityAttribute)
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is string capability)
                    {
                        names.Add(capability);
                    }
                }
            }

            return names.ToList();
        }

        private static bool ImplementsSettingsInterface(ITypeSymbol settings, KnownTypes known) =>
            settings.AllInterfaces.Any(candidate =>
                SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, known.SettingsInterface)
                && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], settings));

        /// <summary>The arguments of the public constructor with most parameters that the registry can fill, or null.</summary>
        /// <remarks>Ties go to the constructor declared first, so the choice does not depend on symbol order.</remarks>
        private static List<ConstructorArgument>? ChooseConstructor(INamedTypeSymbol type, ITypeSymbol settings, KnownTypes known)
        {
            List<ConstructorArgument>? best = null;
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                var arguments = new List<ConstructorArgument>();
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.RefKind is not (RefKind.None or RefKind.In))
                    {
                        arguments = null;
                        break;
                    }

                    if (SymbolEqualityComparer.Default.Equals(parameter.Type, settings))
                    {
                        arguments.Add(ConstructorArgument.Settings);
                    }
                    else if (SymbolEqualityComparer.Default.Equals(parameter.Type, known.Context))
                    {
                        arguments.Add(ConstructorArgument.Context);
                    }
                    else
                    {
                        arguments = null;
                        break;
                    }
                }

                if (arguments is not null && (best is null || arguments.Count > best.Count))
                {
                    best = arguments;
                }
            }

            return best;
        }
    }
}
