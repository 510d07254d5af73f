namespace SiteAgent.Waldur;

/// <summary>Settings of one <see cref="WaldurClient"/>; immutable, checked by <see cref="Validate"/> at construction.</summary>
public sealed partial record WaldurClientOptions
{
    /// <summary>
    /// The configured <c>waldur_api_url</c>, e.g. <c>https://waldur.example.com/api/</c>. It is the
    /// API root: operation paths are appended below it (a missing trailing slash is added).
    /// </summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>Static token or OIDC client credentials.</summary>
    public required WaldurCredentials Credentials { get; init; }

    /// <summary>User-Agent, normally <see cref="WaldurUserAgent.For"/> of the mode and agent version.</summary>
    public required string UserAgent { get; init; }

    /// <summary>Verify TLS certificates of Waldur and of the OIDC provider. Turning it off logs a warning.</summary>
    public bool VerifyTls { get; init; } = true;

    /// <summary>A PEM file of CA certificates trusted in addition to the system store.</summary>
    public string? CaBundlePath { get; init; }

    /// <summary>An explicit HTTP proxy; when null the standard proxy environment variables apply.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>Timeout of one attempt of a Waldur call (600 s, as the reference).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// Timeout of a whole Waldur call: every attempt, the waits between them and the token requests
    /// (30 min by default, room for three full attempts), so a server that keeps hanging cannot hold
    /// a cycle for the sum of all attempt timeouts and back-offs.
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Timeout of the OIDC token request (30 s, as the reference).</summary>
    public TimeSpan OidcTokenTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of reads: GETs and POSTs that change nothing.</summary>
    public WaldurRetrySettings ReadRetry { get; init; } = new();

    /// <summary>
    /// Retries of writes. A processor that guards non-idempotent writes itself (re-reading state
    /// before repeating them) sets <see cref="WaldurRetrySettings.None"/>; see the README.
    /// </summary>
    public WaldurRetrySettings WriteRetry { get; init; } = new();

    /// <summary>Do not send writes: each one is described to <see cref="WritePlan"/> (or logged) instead.</summary>
    public bool DryRun { get; init; }

    /// <summary>Receives the writes dry-run mode did not send; when null they are logged at Information.</summary>
    public Action<WaldurWritePlanEntry>? WritePlan { get; init; }

    /// <summary>Clock for token expiry and retry delays; tests replace it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
