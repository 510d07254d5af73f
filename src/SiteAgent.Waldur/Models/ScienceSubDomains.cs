namespace SiteAgent.Waldur.Models;

/// <summary>A science sub-domain (schema <c>ScienceSubDomain</c>).</summary>
public sealed record ScienceSubDomain
{
    /// <summary>Sub-domain uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>API URL.</summary>
    public string? Url { get; init; }

    /// <summary>Code.</summary>
    public string? Code { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Domain uuid.</summary>
    public Guid? DomainUuid { get; init; }

    /// <summary>Domain name.</summary>
    public string? DomainName { get; init; }

    /// <summary>Domain code.</summary>
    public string? DomainCode { get; init; }
}
