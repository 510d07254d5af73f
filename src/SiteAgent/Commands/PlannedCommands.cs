using System.CommandLine;

namespace SiteAgent.Commands;

/// <summary>
/// The reference agent's helper commands, declared with their full option sets so that scripts and
/// <c>--help</c> see the same surface. Those whose work is not in this release say so and exit 69.
/// </summary>
public static class PlannedCommands
{
    /// <summary>Creates every helper command.</summary>
    public static IEnumerable<Command> Create(CommandServices services)
    {
        yield return Planned(services, "test-order", "waldur_site_test_order",
            "Render and check order templates or order JSON files without contacting Waldur.",
            new Option<string?>("--template-dir") { Description = "Template directory (default: built-in templates)" },
            new Option<string?>("--template") { Description = "Template file relative to the template directory, e.g. create/basic.json" },
            new Option<string?>("--order-file") { Description = "JSON file with an order object" },
            new Option<string[]>("--var") { Description = "Template variable KEY=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false },
            new Option<string?>("--offering-uuid") { Description = "Offering from the config to use (default: the first)" },
            new Option<bool>("--validate-only") { Description = "Validate only" },
            new Option<bool>("--generate-only") { Description = "Render the template and print the JSON" },
            new Option<bool>("--use-real-backend") { Description = "Use the real order_processing_backend instead of the mock" },
            new Option<string?>("--output", "-o") { Description = "Write the generated JSON to this file" },
            new Option<bool>("--verbose") { Description = "Debug logging and backend operations" },
            new Option<bool>("--json-output") { Description = "Print the result as JSON" },
            new Option<bool>("--list-templates") { Description = "List the available templates" });
    }

    private static Command Planned(CommandServices services, string name, string referenceName, string description, params Option[] options)
    {
        var command = new Command(name, $"{description} (reference: {referenceName})");
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            services.Error.WriteLine(
                $"waldur-site-agent {name}: not yet available in this release ({AgentVersion.Current}). " +
                $"The command is declared so that scripts calling {referenceName} get a clear answer instead of a wrong one.");
            return ExitCodes.NotYetAvailable;
        });
        return command;
    }
}
