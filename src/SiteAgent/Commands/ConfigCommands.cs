using System.CommandLine;
using SiteAgent.Core.Config;

namespace SiteAgent.Commands;

/// <summary><c>config validate</c> and <c>config show</c>.</summary>
public static class ConfigCommands
{
    /// <summary>Creates the <c>config</c> command group.</summary>
    public static Command Create(CommandServices services)
    {
        var validate = new Command("validate",
            "Check the config file without running anything: every error with its line, column and key path; exit 1 when invalid.");
        validate.SetAction(parse =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            var config = context.LoadConfig();
            if (config is null)
            {
                return ExitCodes.Failure;
            }

            WriteSummary(context.Output, config);
            return ExitCodes.Success;
        });

        var redacted = new Option<bool>("--redacted")
        {
            Description = "Replace secrets with ******** (always on: secrets are never printed; the flag is accepted for scripts)",
            DefaultValueFactory = _ => true,
        };
        var show = new Command("show", "Print the effective configuration (defaults filled in) as YAML, secrets replaced by ********.");
        show.Options.Add(redacted);
        show.SetAction(parse =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            var config = context.LoadConfig();
            if (config is null)
            {
                return ExitCodes.Failure;
            }

            context.Output.Write(EffectiveConfigWriter.Write(config));
            return ExitCodes.Success;
        });

        var group = new Command("config", "Inspect the config file.");
        group.Subcommands.Add(validate);
        group.Subcommands.Add(show);
        return group;
    }

    private static void WriteSummary(TextWriter output, AgentConfig config)
    {
        var count = config.Offerings.Count;
        output.WriteLine($"Configuration {config.SourcePath} is valid: {count} offering{(count == 1 ? string.Empty : "s")}");
        foreach (var offering in config.Offerings)
        {
            output.WriteLine(
                $"  [{offering.Index}] \"{offering.Name}\" {offering.OfferingUuid:N} at {offering.WaldurApiUrl} " +
                $"(orders: {Or(offering.OrderProcessingBackend)}, membership: {Or(offering.MembershipSyncBackend)}, " +
                $"reporting: {Or(offering.ReportingBackend)}, usernames: {Or(offering.UsernameManagementBackend)}, " +
                $"components: {(offering.Components.Count == 0 ? "none" : string.Join(", ", offering.Components.Select(c => c.Type)))})");
        }
    }

    private static string Or(string backend) => backend.Length == 0 ? "off" : backend;
}
