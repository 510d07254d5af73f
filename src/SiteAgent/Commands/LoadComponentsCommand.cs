using System.CommandLine;
using System.Text.Json;
using SiteAgent.Core.Operator;

namespace SiteAgent.Commands;

/// <summary><c>load-components</c> (<c>waldur_site_load_components</c>): Waldur's offering components from <c>backend_components</c>.</summary>
public static class LoadComponentsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CommandServices services)
    {
        var json = OutputOptions.Json();
        var command = new Command("load-components",
            "Create the offering's components in Waldur from backend_components, or update those whose fields differ; " +
            "components only Waldur has are left alone. Prints one line per component (created, updated with old → new, " +
            "unchanged, failed). --dry-run prints the writes instead. Exit status 1 when any component failed. " +
            "(reference: waldur_site_load_components)")
        {
            json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            using var runtime = OperatorRuntime.Create(context, parse.GetValue(services.Options.Mode) ?? "order_process", parse.GetValue(services.Options.DryRun));
            if (runtime is null)
            {
                return ExitCodes.Failure;
            }

            var changes = await new ComponentLoader(runtime.Runtime).RunAsync(cancellation).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                WriteJson(changes, context.Output);
            }
            else
            {
                var table = new TextTable(["OFFERING", "COMPONENT", "ACTION", "DETAIL"]);
                foreach (var change in changes)
                {
                    table.AddRow([change.Offering, change.Component, change.Action, change.Detail]);
                }

                table.Write(context.Output);
            }

            runtime.WritePlanSummary(context.Output);
            return changes.Any(c => c.Failed) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(IReadOnlyList<ComponentChange> changes, TextWriter output)
    {
        RedactedJson.Print(output, json =>
        {
            json.WriteStartArray();
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteRedacted("offering", change.Offering);
                json.WriteRedacted("component", change.Component);
                json.WriteRedacted("action", change.Action);
                json.WriteRedacted("detail", change.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }
}
