using System.CommandLine;
using SiteAgent.Core.Operator;

namespace SiteAgent.Commands;

/// <summary><c>diagnostics</c> (<c>waldur_site_diagnostics</c>): one line per check, OK/WARN/FAIL and why; exit 1 when any check failed.</summary>
public static class DiagnosticsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CommandServices services)
    {
        var json = OutputOptions.Json();
        var command = new Command("diagnostics",
            "Check the config (secrets never shown, file permissions), Waldur (token, offering, pending orders), the backend " +
            "(SLURM: binaries, slurmdbd, cluster, owned accounts, association tree) and the STOMP broker. Prints one line per " +
            "check with OK, WARN or FAIL and the reason. Exit status 0 when no check failed, 1 otherwise. Reads only. " +
            "(reference: waldur_site_diagnostics)")
        {
            json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            using var runtime = OperatorRuntime.Create(context, parse.GetValue(services.Options.Mode) ?? "order_process", dryRun: false);
            if (runtime is null)
            {
                return ExitCodes.Failure;
            }

            var runner = new DiagnosticsRunner(runtime.Runtime)
            {
                BrokerCheck = (offering, ct) => BrokerProbe.CheckAsync(offering, runtime.Runtime.Loggers, ct),
            };
            var report = await runner.RunAsync(cancellation).ConfigureAwait(false);
            OutputOptions.Write(report, parse.GetValue(json), context.Output);
            return report.Passed ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
