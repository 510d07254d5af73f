using System.CommandLine;
using SiteAgent.Core.Operator;

namespace SiteAgent.Commands;

/// <summary>The <c>--json</c> option of the report commands and where their tables go.</summary>
public static class OutputOptions
{
    /// <summary>A new <c>--json</c> option.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of the table (for scripts and monitoring)" };

    /// <summary>True when colours help: a terminal, and NO_COLOR unset.</summary>
    public static bool UseColour(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <summary>Writes a check report as JSON or as a table.</summary>
    public static void Write(CheckReport report, bool json, TextWriter output)
    {
        if (json)
        {
            report.WriteJson(output);
        }
        else
        {
            report.WriteTable(output, UseColour(output));
        }
    }
}
