namespace SiteAgent.Backends.Settings;

/// <summary>How serious a config problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The agent refuses to start.</summary>
    Error,

    /// <summary>Logged; the agent starts.</summary>
    Warning,
}

/// <summary>One thing wrong with the config file, located by key path and position.</summary>
public sealed record ConfigProblem(ProblemSeverity Severity, string Path, string Message, SourceLocation? Location)
{
    /// <summary>Renders the problem as <c>path: message (line L, column C)</c>.</summary>
    public override string ToString()
    {
        var where = Location is { } location ? $" ({location})" : string.Empty;
        return string.IsNullOrEmpty(Path) ? $"{Message}{where}" : $"{Path}: {Message}{where}";
    }
}

/// <summary>Collects problems while the config is read, so that all of them are reported at once.</summary>
public sealed class ConfigProblems
{
    private readonly List<ConfigProblem> _items = [];

    /// <summary>Every problem found so far, in the order found.</summary>
    public IReadOnlyList<ConfigProblem> Items => _items;

    /// <summary>True when at least one problem is an error.</summary>
    public bool HasErrors => _items.Exists(p => p.Severity == ProblemSeverity.Error);

    /// <summary>Records an error at a node.</summary>
    public void Error(ConfigNode node, string message) =>
        _items.Add(new ConfigProblem(ProblemSeverity.Error, node.Path, message, node.Location));

    /// <summary>Records an error at a path and position.</summary>
    public void Error(string path, string message, SourceLocation? location) =>
        _items.Add(new ConfigProblem(ProblemSeverity.Error, path, message, location));

    /// <summary>Records a warning at a node.</summary>
    public void Warning(ConfigNode node, string message) =>
        _items.Add(new ConfigProblem(ProblemSeverity.Warning, node.Path, message, node.Location));

    /// <summary>Records a warning at a path and position.</summary>
    public void Warning(string path, string message, SourceLocation? location) =>
        _items.Add(new ConfigProblem(ProblemSeverity.Warning, path, message, location));
}
