using SiteAgent.Backends;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Orders;

/// <summary>How failures are classified and what is sent to Waldur about them.</summary>
public static class OrderErrors
{
    /// <summary>The text sent instead of internal details when they are not exposed.</summary>
    public const string InternalError = "Internal backend error. Please contact the service provider.";

    /// <summary>True for Waldur 5xx/429 and network failures: the order is left as it is and retried.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        WaldurException waldur => waldur.IsTransient,
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// True for a failure that errs the order: not transient, not a shutdown, not "backend not ready"
    /// (those leave the order for another attempt).
    /// </summary>
    public static bool IsDefinitive(Exception exception) =>
        !IsTransient(exception) && exception is not OperationCanceledException and not BackendNotReadyException;

    /// <summary>The error message and traceback for <c>set_state_erred</c>.</summary>
    public static (string Message, string Traceback) Details(Exception exception, bool expose)
    {
        var redactor = SecretRedactor.Shared;
        if (expose)
        {
            return (redactor.Redact(exception.Message), redactor.Redact(exception.ToString()));
        }

        return exception is BackendException ? (redactor.Redact(exception.Message), string.Empty) : (InternalError, string.Empty);
    }
}
