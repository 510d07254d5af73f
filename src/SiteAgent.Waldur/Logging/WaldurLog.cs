using Microsoft.Extensions.Logging;

namespace SiteAgent.Waldur.Logging;

/// <summary>Every log message of the Waldur client. Event ids 3000-3999 belong to this library; never reuse one.</summary>
internal static partial class WaldurLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "TLS certificate verification is disabled for {ApiUrl}: the connection to Waldur can be intercepted. Set verify_ssl to true, or trust a private CA with a CA bundle instead.")]
    public static partial void TlsVerificationDisabled(ILogger logger, string apiUrl);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Trusting {Count} certificate(s) from CA bundle {Path} in addition to the system store")]
    public static partial void CaBundleLoaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Waldur call {OperationId} failed ({Reason}); retry {Attempt} of {MaxAttempts} in {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, string operationId, string reason, int attempt, int maxAttempts, long delayMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Waldur asked to retry {OperationId} after {RetryAfterSeconds} s, more than the {MaxSeconds} s the client waits; not retrying now")]
    public static partial void RetryAfterTooLong(ILogger logger, string operationId, long retryAfterSeconds, long maxSeconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Fetched an OIDC access token from {TokenUrl} for client {ClientId}, valid for {Seconds} s")]
    public static partial void OidcTokenFetched(ILogger logger, string tokenUrl, string clientId, long seconds);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Dry run: not sending {OperationId}: {Plan}")]
    public static partial void DryRunWrite(ILogger logger, string operationId, string plan);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Waldur answered 401 to {OperationId}; the cached OIDC token is dropped and a new one is fetched on the next call")]
    public static partial void OidcTokenDropped(ILogger logger, string operationId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Waldur rejected {OperationId} with HTTP {StatusCode}: {Excerpt}")]
    public static partial void RequestRejected(ILogger logger, string operationId, int statusCode, string excerpt);
}
