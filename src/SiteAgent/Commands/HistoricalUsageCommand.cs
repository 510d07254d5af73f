using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Operator;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Commands;

/// <summary><c>load-historical-usage</c> (<c>waldur_site_load_historical_usage</c>): back-fills past months, resumably.</summary>
public static partial class HistoricalUsageCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CommandServices services)
    {
        var offeringUuid = new Option<string>("--offering-uuid", "-o") { Description = "Offering to load (hex UUID, with or without dashes)", Required = true };
        var token = new Option<string>("--user-token", "-t") { Description = "Waldur token used for every call (staff unless --no-staff-check)", Required = true };
        var startDate = new Option<string>("--start-date", "-s") { Description = "First day, YYYY-MM-DD (only its month matters)", Required = true };
        var endDate = new Option<string>("--end-date", "-e") { Description = "Last day, YYYY-MM-DD (only its month matters)", Required = true };
        var skipUsers = new Option<bool>("--skip-user-usage") { Description = "Submit only resource totals" };
        var noStaffCheck = new Option<bool>("--no-staff-check") { Description = "Do not require a staff token (Waldur still enforces permissions)" };
        var reconcile = new Option<bool>("--reconcile-stale") {
            Description = "Make Waldur match the backend: a resource without usage in a month gets zero for every configured component, and " +
                "per-user usages of users the backend does not report that month are set to 0 (not with --skip-user-usage)",
        };
        var backendIds = new Option<string[]>("--resource-backend-id") { Description = "Restrict to these resource backend ids (repeatable)" };
        var statePath = new Option<string?>("--state-file") { Description = "Where the last completed month is kept (default: ./historical-usage-<offering>.state)", HelpName = "FILE" };
        var restart = new Option<bool>("--restart") { Description = "Ignore the state file and start from the first month" };
        var command = new Command("load-historical-usage",
            "Back-fill usage of past months from the backend into Waldur, month by month with the live report's code (amounts " +
            "rounded to 2 decimals, only what differs from Waldur is sent; --reconcile-stale also zeroes what the backend does not report). Each completed month is written to the state file, so " +
            "an interrupted run resumes after it. --dry-run prints the writes. Progress on a terminal, log lines otherwise. " +
            "Exit status 0 done, 1 failed, 130 interrupted. (reference: waldur_site_load_historical_usage)")
        {
            offeringUuid, token, startDate, endDate, skipUsers, noStaffCheck, reconcile, backendIds, statePath, restart,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            var userToken = parse.GetValue(token)!;
            SecretRedactor.Shared.AddSecrets([userToken]);
            if (!TryDates(parse.GetValue(startDate)!, parse.GetValue(endDate)!, out var start, out var end, out var problem))
            {
                context.Error.WriteLine("error: " + problem);
                return ExitCodes.Failure;
            }

            if (!Guid.TryParse(parse.GetValue(offeringUuid), out var uuid))
            {
                context.Error.WriteLine($"error: --offering-uuid {parse.GetValue(offeringUuid)} is not a UUID");
                return ExitCodes.Failure;
            }

            OfferingConfig? offering = null;
            using var runtime = OperatorRuntime.Create(context, "historical-usage-loader", parse.GetValue(services.Options.DryRun), config =>
            {
                offering = config.Offerings.FirstOrDefault(o => o.OfferingUuid == uuid) is { } found ? found with { Credentials = new StaticTokenCredentials(userToken) } : null;
                return offering is null ? null : config with { Offerings = [offering] };
            });
            if (runtime is null || offering is null)
            {
                context.Error.WriteLine(offering is null && runtime is null ? $"error: offering {uuid:N} is not in the config (or the config is invalid)" : "error: the config is invalid");
                return ExitCodes.Failure;
            }

            var logger = context.Logging.CreateLogger("SiteAgent.Backfill");
            if (!parse.GetValue(noStaffCheck) && !await IsStaffAsync(runtime.Clients.For(offering), logger, cancellation).ConfigureAwait(false))
            {
                return ExitCodes.Failure;
            }

            var request = new BackfillRequest(offering, start, end,
                parse.GetValue(backendIds) is { Length: > 0 } ids ? ids.ToHashSet(StringComparer.Ordinal) : null,
                parse.GetValue(skipUsers),
                parse.GetValue(statePath) ?? Path.GetFullPath($"historical-usage-{uuid:N}.state"),
                parse.GetValue(restart),
                parse.GetValue(reconcile));
            using var heartbeat = OneShotHeartbeat.Create(runtime.Runtime);
            try
            {
                var ok = await new HistoricalUsageLoader(runtime.Runtime, heartbeat.Heartbeat, ProgressReporter.TerminalOrNull()).RunAsync(request, cancellation).ConfigureAwait(false);
                runtime.WritePlanSummary(context.Output);
                return ok ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
            catch (InvalidDataException e)
            {
                context.Error.WriteLine("error: " + e.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    /// <summary>Parses the range; the end may not be before the start, and the range is at most five years.</summary>
    public static bool TryDates(string startText, string endText, out DateOnly start, out DateOnly end, out string problem)
    {
        end = default;
        problem = string.Empty;
        if (!DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
            || !DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            problem = $"dates must be YYYY-MM-DD (got {startText} and {endText})";
            return false;
        }

        if (end < start)
        {
            problem = $"the end date {endText} is before the start date {startText}";
            return false;
        }

        if (end.DayNumber - start.DayNumber > HistoricalUsageLoader.MaxDays)
        {
            problem = $"the range {startText} to {endText} is longer than five years; split it into several runs";
            return false;
        }

        return true;
    }

    private static async Task<bool> IsStaffAsync(WaldurClient waldur, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var me = await waldur.GetCurrentUserAsync(["username", "is_staff"], cancellationToken).ConfigureAwait(false);
            if (me.IsStaff == true)
            {
                return true;
            }

            LogNotStaff(logger, me.Username ?? "(unknown)");
        }
        catch (WaldurException e)
        {
            LogNotStaff(logger, "unknown: " + e.Message);
        }

        return false;
    }

    [LoggerMessage(EventId = LogEvents.BackfillNotStaff, Level = LogLevel.Error,
        Message = "Historical usage loading requires staff user privileges (the token belongs to {User}); use a staff token or --no-staff-check with a service-provider token")]
    private static partial void LogNotStaff(ILogger logger, string user);
}
