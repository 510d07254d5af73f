using SiteAgent.Backends.Settings;

namespace SiteAgent.Core.Config;

/// <summary>The outcome of loading a config file: the config when valid, and every problem found.</summary>
public sealed record ConfigLoadResult(string Path, AgentConfig? Config, IReadOnlyList<ConfigProblem> Problems, SecretRegistry Secrets)
{
    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => Config is not null && !Problems.Any(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The errors only.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The warnings only.</summary>
    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary>A multi-line report for stderr: a header naming the file, then one line per error.</summary>
    public string ErrorReport()
    {
        var errors = Errors.ToList();
        var lines = new List<string>
        {
            $"Configuration validation failed: {errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")} in {Path}",
        };
        lines.AddRange(errors.Select(e => "  " + e));
        return string.Join(Environment.NewLine, lines);
    }
}
