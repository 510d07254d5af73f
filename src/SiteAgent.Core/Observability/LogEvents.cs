namespace SiteAgent.Core.Observability;

/// <summary>
/// Every log event id the agent uses, in one place so that ids are never reused. Operators filter
/// journald and shipped logs by these numbers; never renumber a shipped id.
/// </summary>
/// <remarks>
/// Ranges: 1000–1099 start-up and CLI; 1100–1199 config; 2000–2199 order processing and usernames;
/// 2200–2399 usage reporting; 2400–2599 membership sync; 2600–2699 event processing; 2700–2799 operator commands (diagnostics, healthz, components, drift, backfill); 3000–3999 Waldur client (owned by
/// SiteAgent.Waldur); 4000–4999 backends, each declaring its own range with LogEventIdRange in its
/// assembly (SLURM 4000–4199); 5000–5099 STOMP client (owned by
/// SiteAgent.Stomp).
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

    /// <summary>A claimed backend id that did not become a backend object was cleared in Waldur.</summary>
    public const int BackendIdReleased = 2030;

    /// <summary>A claimed backend id could not be cleared; it stays reserved by its resource.</summary>
    public const int BackendIdReleaseFailed = 2031;

    /// <summary>A resource's backend id names an object that is not the resource's own; nothing is written to it.</summary>
    public const int ResourceNotOwned = 2032;

    /// <summary>Username generation changed an offering user.</summary>
    public const int UsernameAssigned = 2100;

    /// <summary>Username generation is not configured for the offering.</summary>
    public const int UsernamePolicyNotServiceProvider = 2101;

    /// <summary>Username generation failed for an offering user.</summary>
    public const int UsernameFailed = 2102;

    /// <summary>An offering user needs action in Waldur.</summary>
    public const int UsernameActionRequired = 2103;

    /// <summary>Resources and billing periods a report cycle covers.</summary>
    public const int ReportStarted = 2200;

    /// <summary>Reading a period's usage from the backend failed; other periods still report.</summary>
    public const int ReportPeriodReadFailed = 2201;

    /// <summary>The month changed between reading usage and submitting it; the period waits for the next cycle.</summary>
    public const int ReportMonthRolledOver = 2202;

    /// <summary>The backend has no resource for a Waldur resource's backend id.</summary>
    public const int ReportResourceUnknown = 2203;

    /// <summary>The backend could not read one resource's usage.</summary>
    public const int ReportResourceFailed = 2204;

    /// <summary>A resource's usage total was submitted.</summary>
    public const int UsageSubmitted = 2205;

    /// <summary>A resource's usage total equals what Waldur holds; nothing sent.</summary>
    public const int UsageUnchanged = 2206;

    /// <summary>Usage went down or Waldur holds duplicate records; nothing submitted.</summary>
    public const int UsageAnomaly = 2207;

    /// <summary>Reported components Waldur's offering does not have.</summary>
    public const int UsageComponentsUnknown = 2208;

    /// <summary>Per-user usage submitted for a component.</summary>
    public const int UserUsageSubmitted = 2209;

    /// <summary>Waldur refuses usage for a closed past period (benign).</summary>
    public const int PastPeriodClosed = 2210;

    /// <summary>Waldur refused a past period's usage for another reason.</summary>
    public const int PastPeriodRejected = 2211;

    /// <summary>Submitting a resource's usage failed.</summary>
    public const int UsageSubmitFailed = 2212;

    /// <summary>A transient failure; the resource's usage is re-read and submitted again.</summary>
    public const int UsageSubmitRetry = 2213;

    /// <summary>Summary of one billing period of an offering.</summary>
    public const int ReportPeriodSummary = 2214;

    /// <summary>Summary of one report cycle over all offerings.</summary>
    public const int ReportCycleSummary = 2215;

    /// <summary>Waldur's existing usage records of a period could not be read; the period waits.</summary>
    public const int ReportRecordsUnavailable = 2216;

    /// <summary>Resources a membership cycle covers.</summary>
    public const int MembershipStarted = 2400;

    /// <summary>A resource's backend account is missing; it is skipped.</summary>
    public const int MembershipResourceMissing = 2401;

    /// <summary>Users given access to a resource.</summary>
    public const int MembershipUsersAdded = 2402;

    /// <summary>Users whose access to a resource was taken away.</summary>
    public const int MembershipUsersRemoved = 2403;

    /// <summary>Users who should have lost access but still have it (e.g. running jobs); retried next cycle.</summary>
    public const int MembershipRemovalPending = 2404;

    /// <summary>A resource was paused, downscaled or restored on the backend.</summary>
    public const int ResourceStatusChanged = 2405;

    /// <summary>Limits read from the backend were written to Waldur.</summary>
    public const int LimitsSyncedToWaldur = 2406;

    /// <summary>The backend reports no limits for a resource.</summary>
    public const int BackendLimitsMissing = 2407;

    /// <summary>Per-user limits written to the backend.</summary>
    public const int UserLimitsSynced = 2408;

    /// <summary>A resource's sync failed; it is marked erred.</summary>
    public const int MembershipResourceFailed = 2409;

    /// <summary>A resource's sync hit a transient Waldur failure; it is left for the next cycle.</summary>
    public const int MembershipResourceTransient = 2410;

    /// <summary>Marking a resource erred or OK failed.</summary>
    public const int ResourceStateWriteFailed = 2411;

    /// <summary>Service or course accounts could not be listed or synced (best effort).</summary>
    public const int ServiceAccountsFailed = 2412;

    /// <summary>Membership sync statuses sent to Waldur.</summary>
    public const int MembershipStatusesReported = 2413;

    /// <summary>Offering users could not be refreshed; the cycle continues without them.</summary>
    public const int OfferingUsersUnavailable = 2414;

    /// <summary>Summary of one offering's membership cycle.</summary>
    public const int MembershipOfferingSummary = 2415;

    /// <summary>Summary of one membership cycle over all offerings.</summary>
    public const int MembershipCycleSummary = 2416;

    /// <summary>The username policy needs a flag the offering lacks; no offering users this cycle.</summary>
    public const int UsernameConfigurationIncomplete = 2417;

    /// <summary>A resource is member-restricted: team members lose access.</summary>
    public const int MembershipRestricted = 2418;

    /// <summary>Non-team users are kept this cycle because service or course accounts are unknown.</summary>
    public const int StaleRemovalSkipped = 2419;

    /// <summary>Waldur did not take a resource's membership statuses.</summary>
    public const int MembershipStatusesRefused = 2420;

    /// <summary>An offering selects no event types.</summary>
    public const int EventNoTypes = 2600;

    /// <summary>Agent identity registration failed in event mode; the offering gets no consumers.</summary>
    public const int EventIdentityFailed = 2601;

    /// <summary>Waldur refused one object type's subscription or queue.</summary>
    public const int EventTypeFailed = 2602;

    /// <summary>An offering's event queues are ready.</summary>
    public const int EventQueuesBound = 2603;

    /// <summary>A subscription was re-created after the broker refused its login.</summary>
    public const int EventSubscriptionRecreated = 2604;

    /// <summary>An order event in a state the agent does not act on.</summary>
    public const int EventOrderIgnored = 2605;

    /// <summary>An order processed from its event.</summary>
    public const int EventOrderProcessed = 2606;

    /// <summary>A membership event re-synced resources.</summary>
    public const int EventMembershipSynced = 2607;

    /// <summary>An offering-user event that changes nothing on the backend.</summary>
    public const int EventOfferingUserNoted = 2608;

    /// <summary>An import request marked erred.</summary>
    public const int EventImportRefused = 2609;

    /// <summary>Periodic limits not applied and no policy to report to.</summary>
    public const int EventPeriodicLimitsNoPolicy = 2610;

    /// <summary>Periodic limits not applied, reported to Waldur.</summary>
    public const int EventPeriodicLimitsReported = 2611;

    /// <summary>Periodic settings applied and their verdict reported to Waldur.</summary>
    public const int EventPeriodicLimitsApplied = 2650;

    /// <summary>The order-processing backend of the offering does not apply periodic settings.</summary>
    public const int EventPeriodicLimitsUnsupported = 2651;

    /// <summary>The verdict on periodic settings could not be reported to Waldur.</summary>
    public const int EventPeriodicLimitsReportFailed = 2652;

    /// <summary>An API key rotation marked erred.</summary>
    public const int EventApiKeyRefused = 2612;

    /// <summary>Reconciliation (or the start-up pass) failed for one offering.</summary>
    public const int EventReconciliationOfferingFailed = 2613;

    /// <summary>Reconciliation (or the start-up pass) finished.</summary>
    public const int EventReconciliationFinished = 2614;

    /// <summary>The health-check call to Waldur failed.</summary>
    public const int EventHealthCheckFailed = 2615;

    /// <summary>A consumer's state and counters, at each health check.</summary>
    public const int EventConsumerStatus = 2616;

    /// <summary>A message that can never be handled, acknowledged and dropped.</summary>
    public const int EventPoison = 2617;

    /// <summary>A message is retried after a transient failure.</summary>
    public const int EventRetrying = 2618;

    /// <summary>A handler failed; the message is acknowledged.</summary>
    public const int EventHandlerFailed = 2619;

    /// <summary>The broker refused a subscription's login.</summary>
    public const int EventLoginRefused = 2620;

    /// <summary>Re-creating a subscription failed.</summary>
    public const int EventRecreateFailed = 2621;

    /// <summary>An offering without stomp_enabled in event mode.</summary>
    public const int EventOfferingDisabled = 2622;

    /// <summary>Consumers started.</summary>
    public const int EventConsuming = 2623;

    /// <summary>Event processing started.</summary>
    public const int EventModeStarted = 2624;

    /// <summary>Messages in flight cancelled at a forced shutdown.</summary>
    public const int EventHandlersAbandoned = 2625;

    /// <summary>Event processing stopped.</summary>
    public const int EventModeStopped = 2626;

    /// <summary>An OIDC-only offering cannot log in to the broker.</summary>
    public const int EventNeedsStaticToken = 2627;

    /// <summary>An importable backend resource reported to Waldur.</summary>
    public const int ImportReported = 2630;

    /// <summary>An importable backend resource was reported before.</summary>
    public const int ImportAlreadyReported = 2631;

    /// <summary>An importable backend resource names no Waldur project.</summary>
    public const int ImportNoProject = 2632;

    /// <summary>A backend resource's id or project slug may not go into a Waldur query.</summary>
    public const int ImportRejected = 2633;

    /// <summary>Reporting one importable backend resource failed.</summary>
    public const int ImportResourceFailed = 2634;

    /// <summary>What an import run did.</summary>
    public const int ImportSummary = 2635;

    /// <summary>An import request marked done.</summary>
    public const int ImportRequestDone = 2636;

    /// <summary>An import request failed and was marked erred.</summary>
    public const int ImportRequestFailed = 2637;

    /// <summary>An import request already Done or Erred.</summary>
    public const int ImportRequestFinished = 2638;

    /// <summary>Forced resources sync: a missing backend resource was re-created.</summary>
    public const int ResourcesSyncRecreated = 2639;

    /// <summary>Forced resources sync: re-creating a backend resource failed; the resource is marked erred.</summary>
    public const int ResourcesSyncRecreateFailed = 2640;

    /// <summary>Forced resources sync: what the re-creation pass did.</summary>
    public const int ResourcesSyncRecreation = 2641;

    /// <summary>Forced resources sync: one of its two parts failed.</summary>
    public const int ResourcesSyncPartFailed = 2642;

    /// <summary>Forced resources sync: Waldur did not take a resource as erred.</summary>
    public const int ResourcesSyncMarkFailed = 2643;

    /// <summary>A consumer reconnected; its offering's reconciliation is asked for.</summary>
    public const int EventReconnectReconcileRequested = 2670;

    /// <summary>The reconciliation after a reconnect finished.</summary>
    public const int EventReconnectReconcileFinished = 2671;

    /// <summary>The reconciliation after a reconnect failed; the periodic one repairs it later.</summary>
    public const int EventReconnectReconcileFailed = 2672;

    /// <summary>The broker no longer has a consumer's queue; it is created again.</summary>
    public const int EventQueueMissing = 2673;

    /// <summary>Creating a missing queue again failed.</summary>
    public const int EventQueueRecreateFailed = 2674;

    /// <summary>The consumer state file for readiness could not be written.</summary>
    public const int EventReadinessWriteFailed = 2675;

    /// <summary>healthz: event consumers are not connected.</summary>
    public const int HealthzConsumersDown = 2676;

    /// <summary>A resource API key was rotated and Waldur holds the new secret.</summary>
    public const int ApiKeyRotated = 2677;

    /// <summary>A resource API key rotation failed; the key is marked erred.</summary>
    public const int ApiKeyRotationFailed = 2678;

    /// <summary>The client ids Waldur holds for a resource could not be read.</summary>
    public const int ApiKeyKnownClientsUnknown = 2679;

    /// <summary>The API key reconciliation of an offering finished.</summary>
    public const int ApiKeyReconciliationFinished = 2680;

    /// <summary>A key in Updating cannot be rotated again (no client id or resource backend id).</summary>
    public const int ApiKeyReconciliationSkipped = 2681;

    /// <summary>A backend's update_user_attributes ran for an offering user.</summary>
    public const int UserAttributesUpdated = 2682;

    /// <summary>A backend's update_user_attributes failed.</summary>
    public const int UserAttributesFailed = 2683;

    /// <summary>API keys were minted for a new resource and reported to Waldur.</summary>
    public const int ApiKeysProvisioned = 2684;

    /// <summary>Removing the keys Waldur does not know from a new resource failed.</summary>
    public const int ApiKeysPruneFailed = 2685;

    /// <summary>Minting or reporting the API keys of a new resource failed; the order still completes.</summary>
    public const int ApiKeysProvisioningFailed = 2686;

    /// <summary>healthz: the heartbeat file is missing or older than the limit.</summary>
    public const int HeartbeatStale = 2700;

    /// <summary>healthz: no offering's Waldur answered.</summary>
    public const int HealthzNotReady = 2701;

    /// <summary>load-components: a component was created, updated or left as it is.</summary>
    public const int ComponentLoaded = 2702;

    /// <summary>load-components: a component could not be written.</summary>
    public const int ComponentFailed = 2703;

    /// <summary>A one-shot command could not process an offering; the next one continues.</summary>
    public const int OperatorOfferingFailed = 2704;

    /// <summary>Progress of a long-running command (done/total, rate, estimate).</summary>
    public const int OperatorProgress = 2705;

    /// <summary>drift: a difference was repaired.</summary>
    public const int DriftRepaired = 2706;

    /// <summary>drift: a repair failed.</summary>
    public const int DriftRepairFailed = 2707;

    /// <summary>drift --apply: the membership sync is not run because a repair before it failed.</summary>
    public const int DriftMembershipSkipped = 2708;

    /// <summary>A one-shot sync starts on an offering.</summary>
    public const int OperatorSyncStarted = 2709;

    /// <summary>A one-shot sync could not process one resource; the others continue.</summary>
    public const int OperatorResourceFailed = 2710;

    /// <summary>load-historical-usage: a month starts.</summary>
    public const int BackfillMonth = 2711;

    /// <summary>load-historical-usage: resuming after the last completed month (or a state file of another run).</summary>
    public const int BackfillResuming = 2712;

    /// <summary>load-historical-usage: a month failed; the run stops there.</summary>
    public const int BackfillMonthFailed = 2713;

    /// <summary>load-historical-usage: the token is not a staff user's.</summary>
    public const int BackfillNotStaff = 2714;

    /// <summary>load-historical-usage: the state file belongs to another run and is not used.</summary>
    public const int BackfillOtherRun = 2715;

    /// <summary>test-order: an order is checked against a backend.</summary>
    public const int TestOrderChecking = 2720;

    /// <summary>test-order: what a template rendered to (debug).</summary>
    public const int TestOrderRendered = 2721;

    /// <summary>test-order: what the backend was asked and answered.</summary>
    public const int TestOrderBackendOperation = 2722;

    /// <summary>test-order: the real backend tried a write, which test-order refuses.</summary>
    public const int TestOrderWriteRefused = 2723;

    /// <summary>load-historical-usage --reconcile-stale: a resource without usage in the backend's month is reported as zero.</summary>
    public const int BackfillZeroTotal = 2740;

    /// <summary>load-historical-usage --reconcile-stale: a per-user usage the backend does not report was set to zero.</summary>
    public const int StaleUserUsageZeroed = 2741;

    /// <summary>load-historical-usage --reconcile-stale --dry-run: a per-user usage would be set to zero.</summary>
    public const int StaleUserUsageWouldZero = 2742;

    /// <summary>load-historical-usage --reconcile-stale: a per-user usage whose parent link is not a component usage URL is left alone.</summary>
    public const int StaleUserUsageBadParent = 2743;
}
