namespace SiteAgent.Waldur.Emulator;

/// <summary>How an emulator instance starts.</summary>
public sealed record EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>A static API token accepted as <c>Authorization: Token …</c>, acting as the staff user <see cref="TokenUser"/>.</summary>
    public string? Token { get; init; } = "emulator-token";

    /// <summary>Username of the staff user behind <see cref="Token"/> and OIDC tokens (created when missing).</summary>
    public string TokenUser { get; init; } = "site-agent";

    /// <summary>Scenario file (YAML or JSON by extension) seeded at start.</summary>
    public string? ScenarioPath { get; init; }

    /// <summary>Serve the five operations that appeared in Waldur 8.1.x; off makes them 404 like an 8.0.9 server.</summary>
    public bool EnableWaldur81Operations { get; init; } = true;

    /// <summary>Validate every /api/ exchange against the OpenAPI contract and record violations.</summary>
    public bool ContractObserver { get; init; }

    /// <summary>OIDC client-credentials endpoint settings (<c>POST /oidc/token</c>).</summary>
    public OidcOptions Oidc { get; init; } = new();

    /// <summary>Page size when the request gives none (Waldur's PAGE_SIZE).</summary>
    public int DefaultPageSize { get; init; } = 10;

    /// <summary>Largest honoured page_size (Waldur's max_page_size).</summary>
    public int MaxPageSize { get; init; } = 300;

    /// <summary>How many exchanges the request log keeps (oldest dropped first).</summary>
    public int RequestLogCapacity { get; init; } = 10_000;

    /// <summary>Clock for created/modified stamps and OIDC expiry.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Print one line per request on stdout (standalone use).</summary>
    public bool LogRequests { get; init; }

    /// <summary>The RabbitMQ to publish events to, as Waldur does; null publishes nothing.</summary>
    public Broker.EmulatorBrokerOptions? Broker { get; init; }

    /// <summary>Fails fast on settings that cannot work.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"port {Port} is outside 0..65535");
        if (DefaultPageSize < 1 || MaxPageSize < DefaultPageSize)
            throw new ArgumentException($"page sizes must satisfy 1 <= default ({DefaultPageSize}) <= max ({MaxPageSize})");
        if (ScenarioPath is { } path && !File.Exists(path)) throw new FileNotFoundException($"scenario file {path} does not exist", path);
        if (Oidc.ExpiresIn < 0) throw new ArgumentException($"OIDC expires_in {Oidc.ExpiresIn} must not be negative");
    }
}

/// <summary>Settings of the emulator's OIDC token endpoint.</summary>
/// <param name="ClientId">Accepted client_id.</param>
/// <param name="ClientSecret">Accepted client_secret.</param>
/// <param name="ExpiresIn">Lifetime in seconds reported as <c>expires_in</c> and enforced on Bearer tokens.</param>
public sealed record OidcOptions(string ClientId = "site-agent", string ClientSecret = "site-agent-secret", int ExpiresIn = 300);
