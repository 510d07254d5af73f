namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>A template could not be parsed or rendered; the message names the template file and line.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the error for <paramref name="template"/> at <paramref name="line"/> (1-based).</summary>
    public TemplateException(string template, int line, string problem)
        : base($"{template} line {line}: {problem}")
    {
        Template = template;
        Line = line;
        Problem = problem;
    }

    /// <summary>The template's name (its path relative to the template directory).</summary>
    public string Template { get; }

    /// <summary>The 1-based line the problem is on.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
