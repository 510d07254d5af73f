using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using SiteAgent.Waldur.Auth;
using SiteAgent.Waldur.Logging;
using SiteAgent.Waldur.Operations;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Waldur.Http;

/// <summary>
/// Sends one call through its retry pipeline and turns the outcome into a <see cref="WaldurResponse"/>
/// or a <see cref="WaldurException"/>. Owns the connection pool; knows no model.
/// </summary>
internal sealed class WaldurTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _apiRoot;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _totalTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WaldurAuthenticator _authenticator;

    public WaldurTransport(HttpClient http, WaldurClientOptions options, WaldurAuthenticator authenticator, SecretRedactor redactor, ILogger logger)
    {
        _http = http;
        _apiRoot = options.ApiRoot;
        _timeout = options.Timeout;
        _totalTimeout = options.TotalTimeout;
        _time = options.TimeProvider;
        _logger = logger;
        _authenticator = authenticator;
        Redactor = redactor;
    }

    /// <summary>Removes secrets from emitted text.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The absolute URL of a path relative to the API root.</summary>
    public Uri Resolve(string relativePathAndQuery) => new(_apiRoot, relativePathAndQuery);

    /// <summary>Sends the call through <paramref name="pipeline"/> (retries and timeouts); throws <see cref="WaldurException"/> on failure.</summary>
    public async Task<WaldurResponse> SendAsync(
        WaldurOperation operation,
        string relativePathAndQuery,
        byte[]? body,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        CancellationToken cancellationToken)
    {
        var uri = Resolve(relativePathAndQuery);
        var method = operation.Method.Method;
        var path = uri.AbsolutePath;

        // The request is sent again as it is on a retry: its body is a byte array, and the attempt
        // handler sets a fresh Authorization header each time.
        using var request = new HttpRequestMessage(operation.Method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        request.Options.Set(WaldurResilienceHandler.Pipeline, pipeline);
        var context = ResilienceContextPool.Shared.Get(operation.Id, cancellationToken);
        request.SetResilienceContext(context);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex) when (ex.Timeout == _totalTimeout)
        {
            // The URL without its query: the host tells the operator which server hung, and no secret travels in it.
            var url = uri.GetLeftPart(UriPartial.Path);
            throw new WaldurTransportException(operation.Id, method, path, $"no answer from {url} within the total timeout of {Seconds(_totalTimeout)} s (attempts, retries and waits together)", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new WaldurTransportException(operation.Id, method, path, $"no answer within {Seconds(_timeout)} s", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            throw new WaldurTransportException(operation.Id, method, path, Redactor.Redact(Describe(ex)), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (status is >= 200 and <= 299)
            {
                return new WaldurResponse(content, HeaderValue(response, "Link"), ResultCount(response));
            }

            var text = Redactor.Redact(ResponseText.Decode(content));
            if (status is >= 300 and <= 399 && response.Headers.Location is { } location)
            {
                text = $"redirect to {location} not followed; check waldur_api_url. {text}";
            }

            if (status == 401 && response.RequestMessage?.Headers.Authorization is { } sent && _authenticator.Invalidate(sent))
            {
                WaldurLog.OidcTokenDropped(_logger, operation.Id);
            }

            WaldurLog.RequestRejected(_logger, operation.Id, status, ResponseText.Excerpt(text));
            throw new WaldurApiException(operation.Id, status, method, path, text, RetryAfterHeader.Read(response.Headers, _time.GetUtcNow()));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Describe(Exception ex)
    {
        var inner = ex.InnerException is { } cause && cause.Message != ex.Message ? $" ({cause.Message})" : string.Empty;
        return ex.Message + inner;
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static int? ResultCount(HttpResponseMessage response) =>
        int.TryParse(HeaderValue(response, "x-result-count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
}
