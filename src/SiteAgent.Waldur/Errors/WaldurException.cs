namespace SiteAgent.Waldur;

/// <summary>
/// Any failure of a Waldur call. <see cref="IsTransient"/> is the one classification the agent acts
/// on: transient failures are retried later and never change an order's state.
/// </summary>
/// <remarks>Messages never contain tokens, client secrets or Authorization headers.</remarks>
public abstract class WaldurException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected WaldurException(string operationId, string message, Exception? inner = null)
        : base(message, inner) => OperationId = operationId;

    /// <summary>The schema operationId of the failed call (<c>oidc_token</c> for the token request).</summary>
    public string OperationId { get; }

    /// <summary>True when trying again later may succeed (HTTP 5xx or 429, network failures, timeouts).</summary>
    public abstract bool IsTransient { get; }
}

/// <summary>Waldur answered with a status other than 2xx.</summary>
public sealed class WaldurApiException : WaldurException
{
    /// <summary>Creates the exception; the body must already be redacted.</summary>
    public WaldurApiException(string operationId, int statusCode, string method, string path, string body, TimeSpan? retryAfter)
        : base(operationId, Describe(operationId, statusCode, method, path, body))
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        Body = body;
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>HTTP method.</summary>
    public string Method { get; }

    /// <summary>URL path of the request, without the query string.</summary>
    public string Path { get; }

    /// <summary>Response body (redacted, at most 4 KiB), e.g. Waldur's validation errors.</summary>
    public string Body { get; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>HTTP 5xx and 429 are transient; every other status is not.</summary>
    public override bool IsTransient => IsTransientStatus(StatusCode);

    /// <summary>True for statuses that a retry may cure: 5xx and 429.</summary>
    public static bool IsTransientStatus(int statusCode) => statusCode >= 500 || statusCode == 429;

    private static string Describe(string operationId, int statusCode, string method, string path, string body)
    {
        var verdict = IsTransientStatus(statusCode) ? "failed" : "rejected";
        var detail = ResponseText.Excerpt(body);
        return detail.Length == 0
            ? $"Waldur {verdict} {operationId} ({method} {path}) with HTTP {statusCode}."
            : $"Waldur {verdict} {operationId} ({method} {path}) with HTTP {statusCode}: {detail}";
    }
}

/// <summary>The call did not get an HTTP answer: connection, DNS or TLS failure, or a timeout. Always transient.</summary>
public sealed class WaldurTransportException : WaldurException
{
    /// <summary>Creates the exception.</summary>
    public WaldurTransportException(string operationId, string method, string path, string reason, Exception? inner = null)
        : base(operationId, $"Waldur call {operationId} ({method} {path}) failed: {reason}. Check the network, proxy and TLS settings; the call may succeed when tried again.", inner)
    {
        Method = method;
        Path = path;
    }

    /// <summary>HTTP method.</summary>
    public string Method { get; }

    /// <summary>URL path of the request, without the query string.</summary>
    public string Path { get; }

    /// <summary>Always true: nothing was decided by Waldur.</summary>
    public override bool IsTransient => true;
}

/// <summary>Waldur answered 2xx with a body that does not match what the agent depends on. Not transient.</summary>
public sealed class WaldurResponseException : WaldurException
{
    /// <summary>Creates the exception.</summary>
    public WaldurResponseException(string operationId, string message, Exception? inner = null)
        : base(operationId, message, inner)
    {
    }

    /// <summary>Always false: repeating the call returns the same body.</summary>
    public override bool IsTransient => false;
}

/// <summary>The OIDC token endpoint refused to issue a token or answered without one.</summary>
public sealed class WaldurAuthenticationException : WaldurException
{
    /// <summary>Creates the exception; <paramref name="statusCode"/> is null when the answer lacked a token.</summary>
    public WaldurAuthenticationException(string message, int? statusCode)
        : base("oidc_token", message) => StatusCode = statusCode;

    /// <summary>HTTP status of the token endpoint, if it answered with an error status.</summary>
    public int? StatusCode { get; }

    /// <summary>True when the token endpoint answered 5xx or 429.</summary>
    public override bool IsTransient => StatusCode is int code && WaldurApiException.IsTransientStatus(code);
}
