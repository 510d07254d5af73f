using SiteAgent.Backends.Settings;

namespace SiteAgent.Core.Config;

/// <summary>The whole config file after validation, with defaults materialised.</summary>
public sealed record AgentConfig
{
    /// <summary>Path the config was read from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The offerings, in file order; never empty.</summary>
    public required IReadOnlyList<OfferingConfig> Offerings { get; init; }

    /// <summary>IANA zone deciding "which month it is" for billing.</summary>
    public string Timezone { get; init; } = "UTC";

    /// <summary>The resolved <see cref="Timezone"/>.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Proxy URL for Waldur calls; empty means direct (or the environment's proxy).</summary>
    public string GlobalProxy { get; init; } = string.Empty;

    /// <summary>Configured level name, upper case (DEBUG, INFO, WARNING, ERROR, CRITICAL).</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary>Billing periods submitted per report cycle (1..12).</summary>
    public int ReportingPeriods { get; init; } = 2;

    /// <summary>Send exception texts and tracebacks to Waldur when erring an order.</summary>
    public bool ExposeBackendErrorDetails { get; init; } = true;

    /// <summary>Sentry DSN, when set (not supported by this agent; kept for compatibility).</summary>
    public string? SentryDsn { get; init; }

    /// <summary>Elastic APM server, when set (not supported by this agent; kept for compatibility).</summary>
    public string? ElasticApmServerUrl { get; init; }

    /// <summary>Shipping of the agent's own logs to Waldur.</summary>
    public LogShippingConfig LogShipping { get; init; } = LogShippingConfig.Disabled;
}

/// <summary>The <c>log_shipping</c> block.</summary>
public sealed record LogShippingConfig(bool Enabled, int ShipIntervalSeconds, int BufferSizeMb, string LogLevel)
{
    /// <summary>The defaults: off.</summary>
    public static LogShippingConfig Disabled { get; } = new(false, 60, 1, "WARNING");
}
