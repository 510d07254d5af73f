using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using SiteAgent.Generators.Model;

namespace SiteAgent.Generators;

/// <content>Decides which backends reach the markers and the registry.</content>
public sealed partial class BackendRegistryGenerator
{
    internal static class Selection
    {
        private static readonly char[] ManifestSeparators = [';', ','];

        /// <summary>Reads <c>SiteAgentBackendRegistry</c> and the <c>SiteAgentBackends</c> manifest.</summary>
        /// <remarks>
        /// MSBuild hands properties over in a global .editorconfig, whose parser drops everything from
        /// the first ';' (dotnet/roslyn#44596), so a host must pass the manifest comma-separated.
        /// ';' is still accepted for callers that set the option directly.
        /// </remarks>
        public static HostOptions ReadOptions(AnalyzerConfigOptions options)
        {
            var enabled = options.TryGetValue("build_property.SiteAgentBackendRegistry", out var flag)
                && string.Equals(flag.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            options.TryGetValue("build_property.SiteAgentBackends", out var manifest);
            var ids = (manifest ?? string.Empty)
                .Split(ManifestSeparators)
                .Select(id => id.Trim())
                .Where(id => id.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase);
            return new HostOptions(enabled, ids.ToEquatableArray());
        }

        /// <summary>Valid backends of this compilation, in id order; for a duplicate id the first declaration wins.</summary>
        public static EquatableArray<BackendModel> Declared(ImmutableArray<BackendModel> backends) =>
            FirstPerId(backends).OrderBy(backend => backend.Id, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>SAG001 for every declaration whose id an earlier declaration of this compilation already uses.</summary>
        /// <remarks>Same rule as <see cref="Declared"/> and as the compiler's duplicate-type error: the later one is wrong.</remarks>
        public static IEnumerable<DiagnosticInfo> DuplicateDeclarations(ImmutableArray<ParseResult> results)
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                if (result.Backend is not { } backend)
                {
                    continue;
                }

                if (owners.TryGetValue(backend.Id, out var owner))
                {
                    yield return DiagnosticInfo.Create(BackendDiagnostics.DuplicateId, result.IdLocation, backend.Id, backend.TypeName, owner);
                }
                else
                {
                    owners.Add(backend.Id, backend.TypeName);
                }
            }
        }

        /// <summary>Joins declared and referenced backends and applies the manifest.</summary>
        public static RegistryModel Build(EquatableArray<BackendModel> declared, ReferencedBackends referenced, HostOptions options)
        {
            if (!options.Enabled)
            {
                return new RegistryModel(false, EquatableArray<BackendModel>.Empty, EquatableArray<DiagnosticInfo>.Empty);
            }

            var diagnostics = new List<DiagnosticInfo>(referenced.Diagnostics);
            var found = new List<BackendModel>();
            foreach (var backend in declared.Concat(referenced.Backends))
            {
                var owner = found.FirstOrDefault(other => other.Id == backend.Id);
                if (owner is null)
                {
                    found.Add(backend);
                }
                else if (owner.TypeName != backend.TypeName)
                {
                    // Across assemblies there is no single declaration to point at.
                    diagnostics.Add(DiagnosticInfo.Create(BackendDiagnostics.DuplicateId, null, backend.Id, backend.TypeName, owner.TypeName));
                }
            }

            var manifest = new HashSet<string>(options.Manifest, StringComparer.OrdinalIgnoreCase);
            var selected = manifest.Count == 0 ? found : found.Where(backend => manifest.Contains(backend.Id)).ToList();
            var foundIds = found.Select(backend => backend.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
            var known = foundIds.Count == 0 ? "none" : string.Join(", ", foundIds);
            foreach (var id in options.Manifest)
            {
                if (!foundIds.Contains(id, StringComparer.OrdinalIgnoreCase))
                {
                    diagnostics.Add(DiagnosticInfo.Create(BackendDiagnostics.UnknownManifestId, null, id, known));
                }
            }

            return new RegistryModel(
                true,
                selected.OrderBy(backend => backend.Id, StringComparer.Ordinal).ToEquatableArray(),
                diagnostics.ToEquatableArray());
        }

        private static IEnumerable<BackendModel> FirstPerId(IEnumerable<BackendModel> backends)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return backends.Where(backend => seen.Add(backend.Id));
        }
    }
}
