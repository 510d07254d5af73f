namespace SiteAgent.Core.Observability;

/// <summary>
/// Every log event id the agent uses, in one place so that ids are never reused. Operators filter
/// journald and shipped logs by these numbers; never renumber a shipped id.
/// </summary>
/// <remarks>
/// Ranges: 1000–1099 start-up and CLI; 1100–1199 config; 2000–2999 order processing;
/// 3000–3999 Waldur client (owned by SiteAgent.Waldur); 4000–4999 backends (SLURM 4000–4199);
/// 5000–5099 STOMP client (owned by SiteAgent.Stomp).
/// </remarks>
public static class LogEvents
{
    /// <summary>Agent start-up banner with version.</summary>
    public const int AgentStarting = 1000;

    /// <summary>The config file in use.</summary>
    public const int ConfigSource = 1001;

    /// <summary>Backends compiled into this binary.</summary>
    public const int BackendsInBuild = 1002;

    /// <summary>Mode selected.</summary>
    public const int RunningMode = 1003;

    /// <summary>Shutdown requested by a signal.</summary>
    public const int ShutdownRequested = 1004;

    /// <summary>A second signal (or the grace period) cancels work in flight.</summary>
    public const int ShutdownForced = 1019;

    /// <summary>Agent stopped.</summary>
    public const int AgentStopped = 1005;

    /// <summary>A command or mode that a later release provides.</summary>
    public const int NotYetAvailable = 1006;

    /// <summary>Unhandled failure that ends the process.</summary>
    public const int Fatal = 1007;

    /// <summary>The config file failed validation.</summary>
    public const int ConfigInvalid = 1100;

    /// <summary>A non-fatal config problem.</summary>
    public const int ConfigWarning = 1101;

    /// <summary>An environment variable could not be used.</summary>
    public const int EnvironmentInvalid = 1102;

    /// <summary>An offering is skipped this cycle (disabled role, event mode owns it).</summary>
    public const int OfferingSkipped = 1008;

    /// <summary>An offering's cycle failed; the others continue.</summary>
    public const int OfferingFailed = 1009;

    /// <summary>Summary of one cycle over all offerings.</summary>
    public const int CycleSummary = 1010;

    /// <summary>Agent identity, service and processor registered in Waldur.</summary>
    public const int IdentityRegistered = 1011;

    /// <summary>Registration in Waldur failed (non-fatal; retried next cycle).</summary>
    public const int RegistrationFailed = 1012;

    /// <summary>The Waldur user the agent acts as.</summary>
    public const int CurrentUser = 1013;

    /// <summary>A Waldur-only component cannot be used.</summary>
    public const int ComponentSkipped = 1014;

    /// <summary>No service provider found for the offering's customer.</summary>
    public const int ServiceProviderMissing = 1015;

    /// <summary>The heartbeat file could not be written.</summary>
    public const int HeartbeatFailed = 1016;

    /// <summary>Waldur version of an offering's portal.</summary>
    public const int WaldurVersion = 1017;

    /// <summary>An offering's Waldur could not be asked for its version at start.</summary>
    public const int WaldurUnreachable = 1020;

    /// <summary>A state notification to systemd (READY, STOPPING, WATCHDOG) could not be sent.</summary>
    public const int SystemdNotifyFailed = 1021;

    /// <summary>A dry-run plan entry.</summary>
    public const int DryRunPlan = 1018;

    /// <summary>Orders found for an offering.</summary>
    public const int OrdersListed = 2000;

    /// <summary>Processing of one order starts.</summary>
    public const int OrderProcessing = 2001;

    /// <summary>An order was approved.</summary>
    public const int OrderApproved = 2002;

    /// <summary>An order was rejected.</summary>
    public const int OrderRejected = 2003;

    /// <summary>An order stays pending-provider.</summary>
    public const int OrderKeptPending = 2004;

    /// <summary>An order is done.</summary>
    public const int OrderDone = 2005;

    /// <summary>An order was marked erred.</summary>
    public const int OrderErred = 2006;

    /// <summary>A transient failure; the order is retried.</summary>
    public const int OrderTransientFailure = 2007;

    /// <summary>Retries exhausted for an order this cycle.</summary>
    public const int OrderGaveUp = 2008;

    /// <summary>An order is left executing for the next cycle.</summary>
    public const int OrderNotFinished = 2009;

    /// <summary>The backend is not ready; orders wait.</summary>
    public const int BackendNotReady = 2010;

    /// <summary>The backend resource already exists.</summary>
    public const int ResourceAlreadyExists = 2011;

    /// <summary>A backend resource was created.</summary>
    public const int ResourceCreated = 2012;

    /// <summary>A candidate backend id is taken; the next is tried.</summary>
    public const int BackendIdTaken = 2013;

    /// <summary>Limits changed on the backend.</summary>
    public const int LimitsUpdated = 2014;

    /// <summary>A backend resource was removed.</summary>
    public const int ResourceDeleted = 2015;

    /// <summary>Post-processing (adding users) failed; membership sync will repair it.</summary>
    public const int PostProcessingFailed = 2016;

    /// <summary>Users were given access to a new resource.</summary>
    public const int UsersAdded = 2017;

    /// <summary>Marking an order erred failed.</summary>
    public const int SetErredFailed = 2018;

    /// <summary>An order left the executing state elsewhere.</summary>
    public const int OrderStateChanged = 2019;

    /// <summary>The resource's team is empty.</summary>
    public const int TeamEmpty = 2020;

    /// <summary>An optional Waldur write (metadata, endpoints) failed.</summary>
    public const int OptionalWriteFailed = 2021;

    /// <summary>Evaluating a pending order failed; it stays pending.</summary>
    public const int EvaluationFailed = 2022;

    /// <summary>Summary of an offering's order cycle.</summary>
    public const int OrderCycleSummary = 2023;

    /// <summary>An order of a type the agent does not process.</summary>
    public const int OrderTypeUnknown = 2024;

    /// <summary>An order in a state the agent does not handle.</summary>
    public const int OrderUnexpectedState = 2025;

    /// <summary>The team, plan or keys could not be read; creation continues without them.</summary>
    public const int TeamUnavailable = 2026;

    /// <summary>An Update order carries the limits the resource already has.</summary>
    public const int LimitsUnchanged = 2027;

    /// <summary>An Update order carries no limits and its plan has no quotas.</summary>
    public const int NothingToApply = 2028;

    /// <summary>A new resource's team has no usable offering users yet.</summary>
    public const int NoUsersToAdd = 2029;

    /// <summary>Username generation changed an offering user.</summary>
    public const int UsernameAssigned = 2100;

    /// <summary>Username generation is not configured for the offering.</summary>
    public const int UsernamePolicyNotServiceProvider = 2101;

    /// <summary>Username generation failed for an offering user.</summary>
    public const int UsernameFailed = 2102;

    /// <summary>An offering user needs action in Waldur.</summary>
    public const int UsernameActionRequired = 2103;
}
