using System.CommandLine;
using System.Text;
using System.Text.Json;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Operator;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Commands;

/// <summary><c>sync-offering-users</c>, <c>sync-resource-limits</c> and <c>create-homedirs</c>: one pass over every offering, one row per object.</summary>
public static class SyncCommands
{
    /// <summary>Creates the three commands.</summary>
    public static IEnumerable<Command> Create(CommandServices services)
    {
        yield return Create(services, "sync-offering-users",
            "Generate usernames for the offering users once and move them through their states, as membership_sync does every " +
            "cycle. Prints each offering user with its state and username. --dry-run prints the writes instead. Exit status 1 when " +
            "an offering failed. (reference: waldur_sync_offering_users)",
            ["OFFERING", "USER", "STATE", "USERNAME"],
            (runtime, ct) => new OneShotSyncs(runtime).SyncOfferingUsersAsync(ct));
        yield return Create(services, "sync-resource-limits",
            "Read each resource's limits (OK or Erred, with a backend id) from the backend and write them to Waldur where they " +
            "differ. Prints one line per resource (updated, unchanged, failed). --dry-run prints the writes instead. Exit status 1 " +
            "when a resource or an offering failed. (reference: waldur_sync_resource_limits)",
            ["OFFERING", "ACCOUNT", "OUTCOME", "RESOURCE"],
            (runtime, ct) => new OneShotSyncs(runtime).SyncResourceLimitsAsync(ct));
        yield return Create(services, "create-homedirs",
            "Create home directories (mkhomedir_helper with default_homedir_umask) for every offering user in state OK, for " +
            "offerings whose backend supports them and that did not turn it off; existing ones under homedir_base_path are " +
            "left alone. Run as root. --dry-run prints the commands instead. Exit status 1 when an offering failed. " +
            "(reference: waldur_site_create_homedirs)",
            ["OFFERING", "USERS", "OUTCOME", "DETAIL"],
            (runtime, ct) => new HomeDirectories(runtime).CreateAsync(ct));
    }

    private static Command Create(CommandServices services, string name, string description, string[] headers,
        Func<SiteAgent.Core.Runtime.AgentRuntime, CancellationToken, Task<IReadOnlyList<SyncRow>>> run)
    {
        var json = OutputOptions.Json();
        var command = new Command(name, description) { json };
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            using var runtime = OperatorRuntime.Create(context, parse.GetValue(services.Options.Mode) ?? "order_process", parse.GetValue(services.Options.DryRun));
            if (runtime is null)
            {
                return ExitCodes.Failure;
            }

            var rows = await run(runtime.Runtime, cancellation).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                WriteJson(rows, context.Output);
            }
            else
            {
                var table = new TextTable(headers);
                foreach (var row in rows)
                {
                    table.AddRow([row.Offering, row.Subject, row.Outcome, SecretRedactor.Shared.Redact(row.Detail)]);
                }

                table.Write(context.Output);
            }

            runtime.WritePlanSummary(context.Output);
            return rows.Any(r => r.Outcome == SyncRow.Failed) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(IReadOnlyList<SyncRow> rows, TextWriter output)
    {
        RedactedJson.Print(output, json =>
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteRedacted("offering", row.Offering);
                json.WriteRedacted("subject", row.Subject);
                json.WriteRedacted("outcome", row.Outcome);
                json.WriteRedacted("detail", row.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }
}
