using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Config;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Operator;

/// <summary>
/// The <c>diagnostics</c> checks: the config, then per offering Waldur (token, offering, pending
/// orders), the cluster name, the backend's own checks and the broker. A failed offering never stops
/// the next one; nothing is written anywhere.
/// </summary>
public sealed class DiagnosticsRunner
{
    private static readonly string[] OfferingFields = ["uuid", "name", "customer_name", "state", "components", "backend_id"];
    private static readonly string[] PendingStates = ["pending-provider", "executing"];
    private readonly AgentRuntime _runtime;
    private readonly OfferingSessionFactory _sessions;

    /// <summary>Creates the runner.</summary>
    public DiagnosticsRunner(AgentRuntime runtime)
    {
        _runtime = runtime;
        _sessions = new OfferingSessionFactory(runtime);
    }

    /// <summary>The broker check of a STOMP offering (connect, then disconnect); null when the build has none.</summary>
    public Func<OfferingConfig, CancellationToken, Task<BackendCheck>>? BrokerCheck { get; init; }

    /// <summary>Runs every check.</summary>
    public async Task<CheckReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new CheckReport();
        ConfigChecks.Add(report, _runtime.Config);
        foreach (var offering in _runtime.Config.Offerings)
        {
            await CheckOfferingAsync(report, offering, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    private async Task CheckOfferingAsync(CheckReport report, OfferingConfig offering, CancellationToken cancellationToken)
    {
        var scope = offering.Name;
        report.Add(scope, "settings", CheckStatus.Ok, ConfigChecks.OfferingSummary(offering));
        // One attempt per call: an operator waiting at the terminal wants the answer, not three retries.
        var waldur = _runtime.Clients.For(offering).WithRetry(read: WaldurRetrySettings.None);
        var reachable = await Probe(report, scope, "Waldur token", async ct =>
        {
            var me = await waldur.GetCurrentUserAsync(["username", "full_name", "is_staff"], ct).ConfigureAwait(false);
            return BackendCheck.Ok("Waldur token", $"{offering.WaldurApiUrl} answers; acting as {me.Username} ({me.FullName}){(me.IsStaff == true ? ", staff" : string.Empty)}");
        }, cancellationToken).ConfigureAwait(false);
        ProviderOfferingDetails? details = null;
        if (reachable)
        {
            await Probe(report, scope, "offering", async ct =>
            {
                details = await waldur.GetProviderOfferingAsync(offering.OfferingUuid, OfferingFields, ct).ConfigureAwait(false);
                return OfferingCheck(offering, details);
            }, cancellationToken).ConfigureAwait(false);
            await Probe(report, scope, "pending orders", ct => PendingOrdersAsync(waldur, offering, ct), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            report.Add(scope, "offering", CheckStatus.Fail, "not checked: Waldur did not answer with this token");
        }

        await BackendChecksAsync(report, offering, details, cancellationToken).ConfigureAwait(false);

        if (offering.Stomp.Enabled && BrokerCheck is { } broker)
        {
            report.AddRange(scope, [await broker(offering, cancellationToken).ConfigureAwait(false)]);
        }
    }

    private static BackendCheck OfferingCheck(OfferingConfig offering, ProviderOfferingDetails details)
    {
        var inWaldur = (details.Components ?? []).Select(c => c.Type).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = offering.Components.Where(c => !inWaldur.Contains(c.Type)).Select(c => c.Type).ToList();
        var text = $"{details.Name} of {details.CustomerName}, state {details.State}, {inWaldur.Count} component(s) in Waldur";
        return missing.Count == 0
            ? BackendCheck.Ok("offering", text)
            : BackendCheck.Warn("offering", $"{text}; backend_components not in Waldur: {string.Join(", ", missing)} (run load-components)");
    }

    private static async Task<BackendCheck> PendingOrdersAsync(WaldurClient waldur, OfferingConfig offering, CancellationToken cancellationToken)
    {
        var orders = await waldur.ListOrders(new OrderListQuery
        {
            OfferingUuid = offering.OfferingUuid,
            States = PendingStates,
            Fields = ["uuid", "project_name", "type", "state"],
        }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byState = string.Join(", ", PendingStates.Select(s => $"{orders.Count(o => string.Equals(o.State, s, StringComparison.OrdinalIgnoreCase))} {s}"));
        return BackendCheck.Ok("pending orders", orders.Count == 0 ? "none" : byState);
    }

    /// <summary>The backend's checks; it is built from the config alone, so it is checked even when Waldur is not reachable.</summary>
    private async Task BackendChecksAsync(CheckReport report, OfferingConfig offering, ProviderOfferingDetails? details, CancellationToken cancellationToken)
    {
        var scope = offering.Name;
        var backendId = offering.OrderProcessingBackend.Length > 0 ? offering.OrderProcessingBackend : offering.BackendType;
        object backend;
        try
        {
            backend = _sessions.CreateBackendFromConfig(offering, backendId);
        }
        catch (BackendException e)
        {
            report.Add(scope, "backend", CheckStatus.Fail, $"backend {backendId} could not be set up: {e.Message}");
            return;
        }

        if (backend is not IDiagnosticsBackend diagnostics)
        {
            report.Add(scope, "backend", CheckStatus.Warn, $"backend {backendId} has no diagnostics");
            return;
        }

        if (details is not null)
        {
            report.AddRange(scope, [ClusterNameCheck(details.BackendId, diagnostics.ClusterName)]);
        }

        report.AddRange(scope, await diagnostics.RunChecksAsync(cancellationToken).ConfigureAwait(false));
    }

    private static BackendCheck ClusterNameCheck(string? backendId, string? clusterName) => (backendId, clusterName) switch
    {
        (null or "", _) => BackendCheck.Ok("cluster name", "the offering has no backend_id to compare with"),
        (_, null) => BackendCheck.Warn("cluster name", $"the offering's backend_id is {backendId}; add cluster_name: \"{backendId}\" to backend_settings"),
        _ when string.Equals(backendId, clusterName, StringComparison.Ordinal) => BackendCheck.Ok("cluster name", $"{clusterName} matches the offering's backend_id"),
        _ => BackendCheck.Fail("cluster name", $"backend_settings.cluster_name={clusterName} but the offering's backend_id={backendId}; these must match"),
    };

    /// <summary>Runs one Waldur probe; Waldur and network failures become a failed line. True when it passed.</summary>
    private static async Task<bool> Probe(CheckReport report, string scope, string name, Func<CancellationToken, Task<BackendCheck>> probe, CancellationToken cancellationToken)
    {
        BackendCheck result;
        try
        {
            result = await probe(cancellationToken).ConfigureAwait(false);
        }
        catch (WaldurApiException e) when (e.StatusCode is 401 or 403)
        {
            result = BackendCheck.Fail(name, $"Waldur refused the token (HTTP {e.StatusCode}): check waldur_api_token and the user's role in the offering");
        }
        catch (WaldurException e)
        {
            result = BackendCheck.Fail(name, e.Message);
        }

        report.AddRange(scope, [result]);
        return result.Status != CheckStatus.Fail;
    }
}
