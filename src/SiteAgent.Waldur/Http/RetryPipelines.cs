using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using SiteAgent.Waldur.Logging;

namespace SiteAgent.Waldur.Http;

/// <summary>
/// Builds the resilience pipeline of a call class from Microsoft.Extensions.Http.Resilience's HTTP
/// strategies: a total timeout (outermost) around retry (exponential back-off with jitter,
/// <c>Retry-After</c> honoured) around a per-attempt timeout (innermost). <see cref="WaldurResilienceHandler"/> runs it around every attempt.
/// </summary>
/// <remarks>
/// Retried: connection and TLS failures, attempt timeouts, transient token-endpoint failures, HTTP 5xx
/// and 429 (the statuses <see cref="WaldurApiException.IsTransientStatus"/> calls transient, so a retried
/// answer is always reported as transient); never other statuses, never a caller's cancellation, never
/// a <c>Retry-After</c> longer than <see cref="WaldurRetrySettings.MaxRetryAfter"/>.
/// </remarks>
internal static class RetryPipelines
{
    public static ResiliencePipeline<HttpResponseMessage> Build(WaldurRetrySettings retry, TimeSpan attemptTimeout, TimeSpan totalTimeout, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = totalTimeout });
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, retry, time, logger)),
                OnRetry = args =>
                {
                    WaldurLog.RetryScheduled(
                        logger,
                        args.Context.OperationKey ?? "?",
                        Reason(args.Outcome),
                        args.AttemptNumber + 1,
                        retry.MaxRetryAttempts,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = attemptTimeout });
        return builder.Build();
    }

    /// <summary>True when another attempt may succeed.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, WaldurRetrySettings retry, TimeProvider time, ILogger logger)
    {
        if (outcome.Exception is { } exception)
        {
            return !context.CancellationToken.IsCancellationRequested
                && (HttpClientResiliencePredicates.IsTransient(outcome) || exception is IOException or WaldurException { IsTransient: true });
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

    private static string Reason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception switch
        {
            TimeoutRejectedException => "timed out",
            { } e => e.GetType().Name + ": " + e.Message,
            null => $"HTTP {(int)outcome.Result!.StatusCode}",
        };
}
