using System.CommandLine;
using System.Text;
using System.Text.Json;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Operator;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Commands;

/// <summary><c>drift</c>: what Waldur says the site should have against what the backend has; repairs with <c>--apply</c>.</summary>
public static class DriftCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CommandServices services)
    {
        var json = OutputOptions.Json();
        var apply = new Option<bool>("--apply") { Description = "Repair the differences with the modes' processors (missing accounts, limits, users, QoS); accounts no resource owns are only reported" };
        var ignoreAccounts = new Option<string[]>("--ignore-account") { Description = "Leave this account out (repeatable; a trailing * matches a prefix)", HelpName = "ACCOUNT" };
        var ignoreUsers = new Option<string[]>("--ignore-user") { Description = "Leave this user out of the user checks (repeatable; a trailing * matches a prefix)", HelpName = "USER" };
        var command = new Command("drift",
            "Compare what Waldur says this site should have with what the backend has: missing accounts, accounts under the " +
            "allocation prefix that no resource owns, limit mismatches, missing and extra user associations, QoS against the " +
            "resource's paused/downscaled state. Reads only, unless --apply (with --dry-run: print the repairs). Exit status 0 " +
            "when nothing differs (after --apply: nothing is left), 1 otherwise.")
        {
            json, apply, ignoreAccounts, ignoreUsers,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            var dryRun = parse.GetValue(services.Options.DryRun);
            using var runtime = OperatorRuntime.Create(context, "membership_sync", dryRun);
            if (runtime is null)
            {
                return ExitCodes.Failure;
            }

            var ignore = new DriftIgnoreList(parse.GetValue(ignoreAccounts) ?? [], parse.GetValue(ignoreUsers) ?? []);
            using var heartbeat = OneShotHeartbeat.Create(runtime.Runtime);
            var result = await new DriftRunner(runtime.Runtime, ignore, heartbeat.Heartbeat, ProgressReporter.TerminalOrNull())
                .RunAsync(parse.GetValue(apply), cancellation).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                WriteJson(result, parse.GetValue(apply), context.Output);
            }
            else
            {
                WriteTable(result, parse.GetValue(apply), context.Output);
            }

            runtime.WritePlanSummary(context.Output);
            return result.Remaining.Count == 0 && result.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static void WriteTable(DriftResult result, bool applied, TextWriter output)
    {
        WriteFindingsTable(result.Findings, applied, output);

        foreach (var error in result.Errors)
        {
            output.WriteLine("error: " + SecretRedactor.Shared.Redact(error));
        }

        output.WriteLine(applied
            ? $"{result.Findings.Count} difference(s) found, {result.Remaining.Count} left after the repair"
            : $"{result.Findings.Count} difference(s) found");
    }

    /// <summary>Writes findings as a table (nothing when there are none), with the repair column after <c>--apply</c>.</summary>
    internal static void WriteFindingsTable(IReadOnlyList<DriftFinding> findings, bool applied, TextWriter output)
    {
        var table = new TextTable(applied
            ? ["KIND", "OFFERING", "ACCOUNT", "SUBJECT", "WALDUR", "BACKEND", "REPAIR"]
            : ["KIND", "OFFERING", "ACCOUNT", "SUBJECT", "WALDUR", "BACKEND"]);
        foreach (var f in findings)
        {
            table.AddRow([f.Kind, f.Offering, f.Account, f.Subject, f.Waldur, f.Backend, SecretRedactor.Shared.Redact(f.Repair)]);
        }

        if (table.Count > 0)
        {
            table.Write(output);
            output.WriteLine();
        }
    }

    private static void WriteJson(DriftResult result, bool applied, TextWriter output)
    {
        RedactedJson.Print(output, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("applied", applied);
            WriteFindings(json, "differences", result.Findings, applied);
            WriteFindings(json, "remaining", result.Remaining, applied: false);
            json.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                json.WriteRedactedValue(error);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Writes findings as a JSON array property.</summary>
    internal static void WriteFindings(Utf8JsonWriter json, string name, IReadOnlyList<DriftFinding> findings, bool applied)
    {
        json.WriteStartArray(name);
        foreach (var f in findings)
        {
            json.WriteStartObject();
            json.WriteString("kind", f.Kind);
            json.WriteRedacted("offering", f.Offering);
            json.WriteRedacted("account", f.Account);
            json.WriteRedacted("subject", f.Subject);
            json.WriteRedacted("waldur", f.Waldur);
            json.WriteRedacted("backend", f.Backend);
            if (f.Resource is { } resource)
            {
                json.WriteString("resource_uuid", resource.ToString("N"));
            }

            if (applied)
            {
                json.WriteRedacted("repair", f.Repair);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
