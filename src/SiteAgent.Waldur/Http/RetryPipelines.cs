using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SiteAgent.Waldur.Logging;

namespace SiteAgent.Waldur.Http;

/// <summary>
/// Builds the Polly pipeline of a call class: retry (outer) around a per-attempt timeout (inner).
/// Retried: connection and TLS failures, timeouts, transient auth failures, HTTP 5xx and 429;
/// never other statuses, never a caller's cancellation.
/// </summary>
internal static class RetryPipelines
{
    public static ResiliencePipeline<HttpResponseMessage> Build(WaldurRetrySettings retry, TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, retry, time, logger)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfterHeader.Read(response.Headers, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    WaldurLog.RetryScheduled(
                        logger,
                        args.Context.OperationKey ?? "?",
                        Reason(args.Outcome),
                        args.AttemptNumber + 1,
                        retry.MaxRetryAttempts,
                        (long)args.RetryDelay.TotalMilliseconds);

                    // A retried answer is never returned to the caller: release its connection now.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        builder.AddTimeout(timeout);
        return builder.Build();
    }

    /// <summary>True when another attempt may succeed.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, WaldurRetrySettings retry, TimeProvider time, ILogger logger)
    {
        if (outcome.Exception is { } exception)
        {
            return !context.CancellationToken.IsCancellationRequested && IsTransient(exception);
        }

        var response = outcome.Result!;
        if (!WaldurApiException.IsTransientStatus((int)response.StatusCode))
        {
            return false;
        }

        var wait = RetryAfterHeader.Read(response.Headers, time.GetUtcNow());
        if (wait > retry.MaxRetryAfter)
        {
            WaldurLog.RetryAfterTooLong(logger, context.OperationKey ?? "?", (long)wait.Value.TotalSeconds, (long)retry.MaxRetryAfter.TotalSeconds);
            return false;
        }

        return true;
    }

    /// <summary>Failures without an HTTP answer that are worth another attempt.</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        WaldurException waldur => waldur.IsTransient,
        HttpRequestException or TimeoutRejectedException or IOException => true,
        _ => false,
    };

    private static string Reason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception switch
        {
            TimeoutRejectedException => "timed out",
            { } e => e.GetType().Name + ": " + e.Message,
            null => $"HTTP {(int)outcome.Result!.StatusCode}",
        };
}
