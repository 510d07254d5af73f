namespace SiteAgent.Backends.Settings;

/// <summary>A position in the config file, 1-based, as editors show it.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}, column {Column}";
}

/// <summary>One node of the parsed config file, with the key path and position needed for error messages.</summary>
/// <remarks>The YAML parser lives in the core; backends see only this tree, so they never depend on a YAML library.</remarks>
public abstract class ConfigNode
{
    private protected ConfigNode(string path, SourceLocation location)
    {
        Path = path;
        Location = location;
    }

    /// <summary>Key path from the root, e.g. <c>offerings[1].backend_components.cpu.unit_factor</c>.</summary>
    public string Path { get; }

    /// <summary>Where the node starts in the file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Short name of the node's kind for messages ("a mapping", "a list", "a value").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar value. <see cref="Value"/> is null for YAML null (<c>~</c>, <c>null</c>, or nothing).</summary>
public sealed class ConfigScalar : ConfigNode
{
    /// <summary>Creates a scalar.</summary>
    public ConfigScalar(string path, SourceLocation location, string? value, bool isQuoted)
        : base(path, location)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    /// <summary>The text of the scalar, or null for a YAML null.</summary>
    public string? Value { get; }

    /// <summary>True when the scalar was written in quotes (then it is always a string).</summary>
    public bool IsQuoted { get; }

    /// <inheritdoc />
    public override string KindName => Value is null ? "null" : "a value";
}

/// <summary>A mapping, with keys in file order.</summary>
public sealed class ConfigMapping : ConfigNode
{
    /// <summary>Creates a mapping.</summary>
    public ConfigMapping(string path, SourceLocation location, IReadOnlyList<ConfigEntry> entries)
        : base(path, location) => Entries = entries;

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<ConfigEntry> Entries { get; }

    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>Finds an entry by exact key.</summary>
    public ConfigEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>One key of a mapping with the position of the key itself.</summary>
public sealed record ConfigEntry(string Key, SourceLocation KeyLocation, ConfigNode Value);

/// <summary>A list.</summary>
public sealed class ConfigSequence : ConfigNode
{
    /// <summary>Creates a list.</summary>
    public ConfigSequence(string path, SourceLocation location, IReadOnlyList<ConfigNode> items)
        : base(path, location) => Items = items;

    /// <summary>The items in file order.</summary>
    public IReadOnlyList<ConfigNode> Items { get; }

    /// <inheritdoc />
    public override string KindName => "a list";
}
