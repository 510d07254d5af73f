using SiteAgent.Backends.Registry;

namespace SiteAgent.Core.Backends;

/// <summary>The backends compiled into this binary, looked up by id.</summary>
/// <remarks>The executable builds it from the generated registry; tests build it from any descriptors.</remarks>
public sealed class BackendCatalog
{
    private readonly Dictionary<string, BackendDescriptor> _byId;

    /// <summary>Creates a catalog over the given descriptors.</summary>
    public BackendCatalog(IEnumerable<BackendDescriptor> descriptors)
    {
        All = descriptors.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        _byId = All.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>Every backend in this build, by id.</summary>
    public IReadOnlyList<BackendDescriptor> All { get; }

    /// <summary>The ids, comma-separated, for messages.</summary>
    public string IdList => All.Count == 0 ? "(none)" : string.Join(", ", All.Select(d => d.Id));

    /// <summary>The backend with this exact id, or null.</summary>
    public BackendDescriptor? Find(string id) => _byId.GetValueOrDefault(id);
}
