using Microsoft.Extensions.Http.Resilience;
using Polly;
using SiteAgent.Waldur.Auth;

namespace SiteAgent.Waldur.Http;

/// <summary>
/// The client's handler chain: the library's <see cref="ResilienceHandler"/> runs the pipeline the
/// request names (reads and writes have their own; a <see cref="WaldurClient.WithRetry"/> child
/// names its own too) around <see cref="AttemptHandler"/>, which makes one attempt.
/// </summary>
internal static class WaldurResilienceHandler
{
    /// <summary>The pipeline a request is sent through; requests without one (none today) are sent once.</summary>
    public static readonly HttpRequestOptionsKey<ResiliencePipeline<HttpResponseMessage>> Pipeline = new("waldur.resilience-pipeline");

    /// <summary>Resilience around attempts over <paramref name="transport"/>, each with a fresh Authorization header.</summary>
    public static ResilienceHandler Create(WaldurAuthenticator authenticator, HttpMessageHandler transport) =>
        new(static request => request.Options.TryGetValue(Pipeline, out var pipeline) ? pipeline : ResiliencePipeline<HttpResponseMessage>.Empty)
        {
            InnerHandler = new AttemptHandler(authenticator) { InnerHandler = transport },
        };

    /// <summary>
    /// One attempt: asks the authenticator for the header (so a token dropped after a 401 or near its
    /// expiry is fetched again, and a failing token endpoint is retried like any transient failure),
    /// sends, and reads the whole body, so that a body that stalls counts against the attempt's timeout.
    /// </summary>
    private sealed class AttemptHandler(WaldurAuthenticator authenticator) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = await authenticator.GetHeaderAsync(cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
    }
}
