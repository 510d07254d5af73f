using System;
using Microsoft.CodeAnalysis;

namespace SiteAgent.Generators;

/// <summary>The registry generator's diagnostics; ids are stable and never reused (see AnalyzerReleases.*.md).</summary>
internal static class BackendDiagnostics
{
    private const string Category = "SiteAgent.Backends";

    /// <summary>SAG001: two backends share an id.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = Error(
        "SAG001",
        "Duplicate backend id",
        "Backend id '{0}' of {1} is already used by {2}; give each backend its own id");

    /// <summary>SAG002: the id is not lower_snake_case.</summary>
    public static readonly DiagnosticDescriptor InvalidId = Error(
        "SAG002",
        "Backend id is not lower_snake_case",
        "Backend id '{0}' of {1} must be lower_snake_case (letters, digits and single underscores, starting with a letter), e.g. 'my_backend'");

    /// <summary>SAG003: the class cannot be instantiated.</summary>
    public static readonly DiagnosticDescriptor AbstractClass = Error(
        "SAG003",
        "Backend class is abstract",
        "Backend class {0} is abstract or static; the registry must be able to create it");

    /// <summary>SAG004: the class has type parameters.</summary>
    public static readonly DiagnosticDescriptor GenericClass = Error(
        "SAG004",
        "Backend class is generic",
        "Backend class {0} is generic or nested in a generic type; the registry cannot choose type arguments");

    /// <summary>SAG005: the registry in another assembly cannot see the class.</summary>
    public static readonly DiagnosticDescriptor NotPublic = Error(
        "SAG005",
        "Backend class is not public",
        "Backend class {0} must be public, and so must every type it is nested in");

    /// <summary>SAG006: the backend can do nothing the agent knows.</summary>
    public static readonly DiagnosticDescriptor NoCapability = Error(
        "SAG006",
        "Backend implements no capability",
        "Backend class {0} implements no capability interface; implement at least one interface marked [BackendCapability] (e.g. IOrderProcessingBackend)");

    /// <summary>SAG007: no constructor the registry can call.</summary>
    public static readonly DiagnosticDescriptor NoConstructor = Error(
        "SAG007",
        "Backend has no usable constructor",
        "Backend class {0} needs a public constructor whose parameters are drawn from {1} and SiteAgent.Backends.BackendContext");

    /// <summary>SAG008: the settings type cannot read itself.</summary>
    public static readonly DiagnosticDescriptor InvalidSettings = Error(
        "SAG008",
        "Backend settings type does not implement IBackendSettings<TSelf>",
        "Settings type {0} of backend {1} must implement SiteAgent.Backends.Settings.IBackendSettings<{0}>");

    /// <summary>SAG009: the manifest names a backend that is not in the build.</summary>
    public static readonly DiagnosticDescriptor UnknownManifestId = Error(
        "SAG009",
        "Manifest names an unknown backend",
        "SiteAgentBackends names backend '{0}' but no referenced assembly contains it (found: {1}); add the backend's ProjectReference to src/SiteAgent/backends.props");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
