using System.CommandLine;

namespace SiteAgent.Commands;

/// <summary>The options of <c>test-order</c>, as the reference tool names them.</summary>
internal sealed class TestOrderOptions
{
    public Option<string?> TemplateDirectory { get; } = new("--template-dir")
    {
        Description = "Directory of order templates (*.json, searched recursively; created when missing). Default: the templates built into the agent",
        HelpName = "DIR",
    };

    public Option<string?> Template { get; } = new("--template")
    {
        Description = "Template to render, relative to the template directory, e.g. create/basic.json (not with --order-file)",
        HelpName = "NAME",
    };

    public Option<string?> OrderFile { get; } = new("--order-file") { Description = "JSON file holding one order object (not with --template)", HelpName = "FILE" };

    public Option<string[]> Variables { get; } = new("--var")
    {
        Description = "Template variable KEY=VALUE, repeatable. A value that looks like JSON ({...}, [...], \"...\", true, false, null, a number) is read as JSON, anything else as text",
        HelpName = "KEY=VALUE",
    };

    public Option<string?> OfferingUuid { get; } = new("--offering-uuid")
    {
        Description = "Offering of the config to test against, by uuid (with or without dashes). Default: the first offering",
        HelpName = "UUID",
    };

    public Option<bool> ValidateOnly { get; } = new("--validate-only")
    {
        Description = "Only check: a template (no config needed) renders into a usable order; an order file has the fields its type needs",
    };

    public Option<bool> GenerateOnly { get; } = new("--generate-only") { Description = "Render the template and print the order JSON (no config needed)" };

    public Option<bool> UseRealBackend { get; } = new("--use-real-backend")
    {
        Description = "Ask the offering's configured order_processing_backend for a ping instead of the mock (SLURM: reads the real cluster; nothing is written)",
    };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "With --generate-only: write the order JSON to this file", HelpName = "FILE" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Debug logging (on stderr), and list the backend operations in the result" };

    public Option<bool> JsonOutput { get; } = new("--json-output") { Description = "Print the result as one JSON object" };

    public Option<bool> ListTemplates { get; } = new("--list-templates") { Description = "List the templates of the template directory and exit" };

    /// <summary>Every option, for adding them to the command.</summary>
    public IEnumerable<Option> All =>
    [
        TemplateDirectory, Template, OrderFile, Variables, OfferingUuid, ValidateOnly, GenerateOnly, UseRealBackend, Output, Verbose, JsonOutput, ListTemplates,
    ];
}
