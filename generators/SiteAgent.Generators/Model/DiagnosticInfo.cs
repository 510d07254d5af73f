using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SiteAgent.Generators.Model;

/// <summary>A source position that, unlike <see cref="Location"/>, keeps no syntax tree alive and compares by value.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>Captures a location; null when it is not in source.</summary>
    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true }
            ? new LocationInfo(location.SourceTree!.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    /// <summary>Captures the location of a syntax node.</summary>
    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    /// <summary>Turns the value back into a location for reporting.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic waiting to be reported, kept as values so it can live in the incremental cache.</summary>
/// <param name="Descriptor">One of <see cref="BackendDiagnostics"/>' descriptors (they compare by value).</param>
/// <param name="Location">Where, or null for "no source location".</param>
/// <param name="Arguments">Message format arguments.</param>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>Creates a diagnostic record.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    /// <summary>Builds the diagnostic to report.</summary>
    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, arguments);
    }
}
