using System.Collections.Concurrent;

namespace SiteAgent.TestBackend;

/// <summary>
/// The state behind <see cref="MemoryBackend"/>: resources by backend id, and every operation in the order it
/// ran, so a test can tell what a backend did (and that a refused value reached nothing).
/// </summary>
/// <remarks>
/// Backend instances live for one offering cycle, the store as long as the test: named stores are shared
/// process-wide, so each test names its own (<see cref="Create"/>).
/// </remarks>
public sealed class MemoryStore
{
    private static readonly ConcurrentDictionary<string, MemoryStore> Named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredResource> _resources = new(StringComparer.Ordinal);
    private readonly List<string> _operations = [];
    private readonly Dictionary<string, Dictionary<string, string>> _userAttributes = new(StringComparer.Ordinal);

    /// <summary>A new store under a unique name, for the <c>store</c> setting.</summary>
    public static MemoryStore Create()
    {
        var store = new MemoryStore("test-" + Guid.NewGuid().ToString("N"));
        Named[store.Name] = store;
        return store;
    }

    /// <summary>The store of that name, created empty when new.</summary>
    public static MemoryStore Get(string name) => Named.GetOrAdd(name, n => new MemoryStore(n));

    private MemoryStore(string name) => Name = name;

    /// <summary>The store's name.</summary>
    public string Name { get; }

    /// <summary>When true, a key rotation also gives the key a new client id (as backends whose public id changes do).</summary>
    public bool RotateClientIds { get; set; }

    /// <summary>User attributes written by the backend, by username (values as JSON text).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> UserAttributes
    {
        get
        {
            lock (_userAttributes)
            {
                return _userAttributes.ToDictionary(u => u.Key, u => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(u.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Called with the operation (<c>create tb_alloc</c>) before it touches the store; a test throws from it to inject a failure or a crash.</summary>
    public Action<string>? BeforeOperation { get; set; }

    /// <summary>Called with the operation after it changed the store.</summary>
    public Action<string>? AfterOperation { get; set; }

    /// <summary>Every operation so far, reads included (<c>exists tb_alloc</c>, <c>create tb_alloc</c>…).</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_operations)
            {
                return _operations.ToList();
            }
        }
    }

    /// <summary>The ids of the stored resources, sorted.</summary>
    public IReadOnlyList<string> Ids => Read(r => r.Keys.Order(StringComparer.Ordinal).ToList());

    /// <summary>A copy of a stored resource, or null.</summary>
    public StoredResource? Find(string backendId) => Read(r => r.GetValueOrDefault(backendId)?.Copy());

    /// <summary>Puts a resource in place as if something else had made it (another resource's object, a leftover).</summary>
    public void Put(string backendId, StoredResource resource) => Read(r => r[backendId] = resource);

    /// <summary>Records usage of a resource in a month, total and per user.</summary>
    public void AddUsage(string backendId, DateOnly month, string component, decimal amount, string? user = null) => Read(r =>
    {
        var usage = r[backendId].Usage.TryGetValue(month, out var m) ? m : r[backendId].Usage[month] = new MonthUsage();
        usage.Total[component] = usage.Total.GetValueOrDefault(component) + amount;
        if (user is not null)
        {
            var perUser = usage.PerUser.TryGetValue(user, out var u) ? u : usage.PerUser[user] = new Dictionary<string, decimal>(StringComparer.Ordinal);
            perUser[component] = perUser.GetValueOrDefault(component) + amount;
        }

        return 0;
    });

    /// <summary>Runs one operation of the backend: logs it, calls the hooks around it.</summary>
    internal T Run<T>(string operation, Func<Dictionary<string, StoredResource>, T> action)
    {
        lock (_operations)
        {
            _operations.Add(operation);
        }

        BeforeOperation?.Invoke(operation);
        var result = Read(action);
        AfterOperation?.Invoke(operation);
        return result;
    }

    /// <summary>Writes attributes of a user (one operation, logged like the others).</summary>
    internal void WriteUserAttributes(string username, IReadOnlyDictionary<string, string> attributes) => Run($"update-user-attributes {username}", _ =>
    {
        lock (_userAttributes)
        {
            var stored = _userAttributes.TryGetValue(username, out var existing) ? existing : _userAttributes[username] = new(StringComparer.Ordinal);
            foreach (var (name, value) in attributes)
            {
                stored[name] = value;
            }
        }

        return 0;
    });

    private T Read<T>(Func<Dictionary<string, StoredResource>, T> action)
    {
        lock (_resources)
        {
            return action(_resources);
        }
    }
}

/// <summary>One backend resource of the store.</summary>
public sealed class StoredResource
{
    /// <summary>The Waldur resource it belongs to: the ownership rule of the memory backend.</summary>
    public required Guid Owner { get; init; }

    /// <summary>The project slug it was created under.</summary>
    public string Project { get; init; } = string.Empty;

    /// <summary>Limits in Waldur units.</summary>
    public Dictionary<string, decimal> Limits { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Usernames with access.</summary>
    public SortedSet<string> Users { get; init; } = new(StringComparer.Ordinal);

    /// <summary><c>normal</c>, <c>paused</c> or <c>downscaled</c>.</summary>
    public string Status { get; set; } = "normal";

    /// <summary>Usage by month (first day).</summary>
    public Dictionary<DateOnly, MonthUsage> Usage { get; init; } = [];

    /// <summary>API key secrets by client id.</summary>
    public Dictionary<string, string> Keys { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A deep copy, so callers never see later changes.</summary>
    public StoredResource Copy() => new()
    {
        Owner = Owner,
        Project = Project,
        Limits = new(Limits, StringComparer.Ordinal),
        Users = new(Users, StringComparer.Ordinal),
        Status = Status,
        Usage = Usage.ToDictionary(u => u.Key, u => u.Value),
        Keys = new(Keys, StringComparer.Ordinal),
    };
}

/// <summary>Usage of one month: totals by component, and per user.</summary>
public sealed class MonthUsage
{
    /// <summary>By component type.</summary>
    public Dictionary<string, decimal> Total { get; } = new(StringComparer.Ordinal);

    /// <summary>By username, then component type.</summary>
    public Dictionary<string, Dictionary<string, decimal>> PerUser { get; } = new(StringComparer.Ordinal);
}
