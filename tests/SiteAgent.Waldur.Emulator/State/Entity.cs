namespace SiteAgent.Waldur.Emulator.State;

/// <summary>Base of every stored object: a 32-hex uuid and the two timestamps Waldur returns.</summary>
public abstract class Entity
{
    /// <summary>32 lower-case hex digits, the form Waldur prints.</summary>
    public string Uuid { get; init; } = NewUuid();

    /// <summary>Creation time.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>Last modification time.</summary>
    public DateTimeOffset Modified { get; set; }

    /// <summary>A fresh random uuid in hex form.</summary>
    public static string NewUuid() => Guid.NewGuid().ToString("N");

    /// <summary>Normalises a uuid given in hex or dashed form (any case) to hex; null if it is not a uuid.</summary>
    public static string? NormalizeUuid(string? text) =>
        text is not null && Guid.TryParse(text.Trim(), out var guid) ? guid.ToString("N") : null;
}

/// <summary>An ordered collection of entities with lookup by uuid.</summary>
public sealed class EntitySet<T> : IEnumerable<T> where T : Entity
{
    private readonly List<T> _items = [];
    private readonly Dictionary<string, T> _byUuid = new(StringComparer.Ordinal);

    /// <summary>Number of stored entities.</summary>
    public int Count => _items.Count;

    /// <summary>Stores an entity; a duplicate uuid is a scenario error.</summary>
    public T Add(T item)
    {
        if (!_byUuid.TryAdd(item.Uuid, item))
            throw new InvalidOperationException($"{typeof(T).Name} {item.Uuid} already exists");
        _items.Add(item);
        return item;
    }

    /// <summary>The entity with this uuid (hex or dashed), or null.</summary>
    public T? Find(string? uuid) => Entity.NormalizeUuid(uuid) is { } key ? _byUuid.GetValueOrDefault(key) : null;

    /// <summary>Removes an entity; returns whether it was there.</summary>
    public bool Remove(T item) => _byUuid.Remove(item.Uuid) && _items.Remove(item);

    /// <summary>Removes everything.</summary>
    public void Clear()
    {
        _items.Clear();
        _byUuid.Clear();
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
