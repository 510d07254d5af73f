using System.CommandLine;
using System.Text;
using System.Text.Json;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Operator;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Commands;

/// <summary><c>diagnose-account ACCOUNT</c>: what Waldur and the backend each say about one account, and where they disagree.</summary>
public static class DiagnoseAccountCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CommandServices services)
    {
        var json = OutputOptions.Json();
        var account = new Argument<string>("ACCOUNT") { Description = "The backend account (a resource's backend_id, e.g. a SLURM account name)" };
        var command = new Command("diagnose-account",
            "Show what Waldur (resource, state, project, limits, flags, team) and the backend (account, parent, limits, users, QoS) " +
            "each say about one account, for every offering of the config, and where they disagree. Reads only. Exit status 0 " +
            "when they agree, 1 otherwise. (reference: the SLURM plugin's waldur_site_diagnose_slurm_account)")
        {
            account, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            using var runtime = OperatorRuntime.Create(context, "membership_sync", dryRun: false);
            if (runtime is null)
            {
                return ExitCodes.Failure;
            }

            var diagnosis = await new AccountDiagnoser(runtime.Runtime).RunAsync(parse.GetValue(account)!, cancellation).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                WriteJson(diagnosis, context.Output);
            }
            else
            {
                WriteTable(diagnosis, context.Output);
            }

            return diagnosis.Differences.Count == 0 && diagnosis.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static void WriteTable(AccountDiagnosis diagnosis, TextWriter output)
    {
        var table = new TextTable(["OFFERING", "SOURCE", "FIELD", "VALUE"]);
        foreach (var fact in diagnosis.Facts)
        {
            table.AddRow([fact.Offering, fact.Source, fact.Field, fact.Value]);
        }

        table.Write(output);
        output.WriteLine();
        DriftCommand.WriteFindingsTable(diagnosis.Differences, applied: false, output);
        foreach (var error in diagnosis.Errors)
        {
            output.WriteLine("error: " + SecretRedactor.Shared.Redact(error));
        }

        output.WriteLine(diagnosis.Differences.Count == 0
            ? $"Waldur and the backend agree on {diagnosis.Account}"
            : $"{diagnosis.Differences.Count} difference(s) on {diagnosis.Account}; drift --apply repairs them");
    }

    private static void WriteJson(AccountDiagnosis diagnosis, TextWriter output)
    {
        RedactedJson.Print(output, json =>
        {
            json.WriteStartObject();
            json.WriteRedacted("account", diagnosis.Account);
            json.WriteStartArray("facts");
            foreach (var fact in diagnosis.Facts)
            {
                json.WriteStartObject();
                json.WriteRedacted("offering", fact.Offering);
                json.WriteRedacted("source", fact.Source);
                json.WriteRedacted("field", fact.Field);
                json.WriteRedacted("value", fact.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            DriftCommand.WriteFindings(json, "differences", diagnosis.Differences, applied: false);
            json.WriteStartArray("errors");
            foreach (var error in diagnosis.Errors)
            {
                json.WriteRedactedValue(error);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
