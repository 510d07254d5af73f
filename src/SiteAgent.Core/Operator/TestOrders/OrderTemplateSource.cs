using System.Reflection;

namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>Where <c>test-order</c> finds its templates: the built-in set in the binary, or a directory.</summary>
public abstract class OrderTemplateSource
{
    /// <summary>What errors and listings call this source.</summary>
    public abstract string Description { get; }

    /// <summary>The templates, as paths relative to the source with <c>/</c> separators, sorted.</summary>
    public abstract IReadOnlyList<string> List();

    /// <summary>The template's text; throws <see cref="FileNotFoundException"/> when there is no such template.</summary>
    public abstract string Read(string name);

    /// <summary>True when <paramref name="name"/> exists.</summary>
    public bool Exists(string name) => List().Contains(Normalize(name), StringComparer.Ordinal);

    /// <summary>The built-in templates, or those under <paramref name="directory"/> (created when missing) when given.</summary>
    public static OrderTemplateSource Open(string? directory) =>
        directory is null ? BuiltInOrderTemplates.Instance : new DirectoryOrderTemplates(directory);

    /// <summary>A name with <c>/</c> separators and no leading <c>./</c>.</summary>
    protected static string Normalize(string name)
    {
        var normalized = name.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized;
    }
}

/// <summary>The templates shipped inside the binary as resources named <c>OrderTemplates/&lt;path&gt;</c>.</summary>
internal sealed class BuiltInOrderTemplates : OrderTemplateSource
{
    private const string Prefix = "OrderTemplates/";
    private static readonly Assembly Assembly = typeof(BuiltInOrderTemplates).Assembly;

    /// <summary>The only instance.</summary>
    public static BuiltInOrderTemplates Instance { get; } = new();

    /// <inheritdoc />
    public override string Description => "the built-in templates";

    /// <inheritdoc />
    public override IReadOnlyList<string> List() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <inheritdoc />
    public override string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + Normalize(name))
            ?? throw new FileNotFoundException($"Template '{name}' not found in {Description} (see --list-templates)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The <c>*.json</c> files under a directory, searched recursively.</summary>
internal sealed class DirectoryOrderTemplates : OrderTemplateSource
{
    private readonly string _root;

    /// <summary>Opens <paramref name="directory"/>, creating it when it does not exist.</summary>
    public DirectoryOrderTemplates(string directory)
    {
        _root = Path.GetFullPath(directory);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public override string Description => $"template directory {_root}";

    /// <inheritdoc />
    public override IReadOnlyList<string> List() =>
        Directory.EnumerateFiles(_root, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <inheritdoc />
    public override string Read(string name)
    {
        var path = Path.GetFullPath(Path.Combine(_root, Normalize(name)));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new FileNotFoundException($"Template '{name}' is outside the {Description}; give a path relative to it");
        }

        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"Template '{name}' not found in {Description} (see --list-templates)");
    }
}
