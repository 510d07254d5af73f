using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using SiteAgent.Waldur.Auth;
using SiteAgent.Waldur.Http;
using SiteAgent.Waldur.Logging;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Waldur;

/// <summary>
/// Typed client of the Waldur Mastermind REST API: one method per operation the agent uses
/// (see <see cref="Operations.WaldurOperations"/>), split into partial files by API area.
/// </summary>
/// <remarks>
/// Failures surface as <see cref="WaldurException"/>; its <see cref="WaldurException.IsTransient"/>
/// tells whether the agent may try again later. Writes are retried per
/// <see cref="WaldurClientOptions.WriteRetry"/>: methods whose remarks say "guarded" are not
/// idempotent, so a processor that cannot accept a duplicate disables write retries and re-reads
/// state before repeating them (README, "Retries and guarded writes"). Thread-safe.
/// </remarks>
public sealed partial class WaldurClient : IDisposable
{
    private readonly WaldurClientOptions _options;
    private readonly WaldurTransport _transport;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _writePipeline;
    private readonly ILogger _logger;
    private readonly bool _ownsTransport;

    /// <summary>Creates a client with its own connection pool, honouring the TLS and proxy options.</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public WaldurClient(WaldurClientOptions options, ILogger? logger = null)
        : this(null, options, logger ?? NullLogger.Instance)
    {
    }

    /// <summary>Creates a client over <paramref name="handler"/> (tests); TLS and proxy options are then the handler's business.</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public WaldurClient(WaldurClientOptions options, HttpMessageHandler handler, ILogger? logger = null)
        : this(handler ?? throw new ArgumentNullException(nameof(handler)), options, logger ?? NullLogger.Instance)
    {
    }

    private WaldurClient(HttpMessageHandler? handler, WaldurClientOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Waldur client options: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _logger = logger;
        if (!options.VerifyTls)
        {
            WaldurLog.TlsVerificationDisabled(logger, options.ApiUrl.AbsoluteUri);
        }

        // One connection pool. Waldur calls go through the resilience chain; the OIDC token request
        // has its own timeout and is retried as part of the Waldur call that needed the token.
        var connections = handler ?? WaldurHttpHandler.Create(options, logger);
        var tokenHttp = NewHttpClient(connections, disposeHandler: false, options);

        var redactor = new SecretRedactor();
        WaldurAuthenticator authenticator;
        switch (options.Credentials)
        {
            case StaticTokenCredentials token:
                redactor.Add(token.Token);
                authenticator = new StaticTokenAuthenticator(token.Token);
                break;
            case OidcClientCredentials oidc:
                redactor.Add(oidc.ClientSecret);
                authenticator = new OidcAuthenticator(oidc, tokenHttp, options.OidcTokenTimeout, options.TimeProvider, OidcTokenCache.Shared, redactor, logger);
                break;
            default:
                throw new ArgumentException($"Unsupported credentials {options.Credentials.GetType().Name}.", nameof(options));
        }

        // A handler the caller passed in stays the caller's to dispose.
        var http = NewHttpClient(WaldurResilienceHandler.Create(authenticator, connections), disposeHandler: handler is null, options);
        _transport = new WaldurTransport(http, options, authenticator, redactor, logger);
        _readPipeline = RetryPipelines.Build(options.ReadRetry, options.Timeout, options.TotalTimeout, options.TimeProvider, logger);
        _writePipeline = RetryPipelines.Build(options.WriteRetry, options.Timeout, options.TotalTimeout, options.TimeProvider, logger);
        _ownsTransport = true;
    }

    private WaldurClient(WaldurClient parent, WaldurRetrySettings read, WaldurRetrySettings write)
    {
        _options = parent._options with { ReadRetry = read, WriteRetry = write };
        _logger = parent._logger;
        _transport = parent._transport;
        // Pipelines keep no state between calls, so an unchanged one is shared rather than rebuilt every cycle.
        _readPipeline = read == parent._options.ReadRetry ? parent._readPipeline : RetryPipelines.Build(read, _options.Timeout, _options.TotalTimeout, _options.TimeProvider, _logger);
        _writePipeline = write == parent._options.WriteRetry ? parent._writePipeline : RetryPipelines.Build(write, _options.Timeout, _options.TotalTimeout, _options.TimeProvider, _logger);
        _ownsTransport = false;
    }

    private static HttpClient NewHttpClient(HttpMessageHandler handler, bool disposeHandler, WaldurClientOptions options)
    {
        // Timeouts belong to the pipeline (per attempt and per call) and to the token request; HttpClient's own would cut across retries.
        var http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        return http;
    }

    /// <summary>The configured API root.</summary>
    public Uri ApiUrl => _options.ApiRoot;

    /// <summary>True when writes are described instead of sent.</summary>
    public bool IsDryRun => _options.DryRun;

    /// <summary>
    /// A client sharing this one's connections, credentials and token cache but with other retry
    /// settings, e.g. <c>WithRetry(write: WaldurRetrySettings.None)</c> for a processor that guards
    /// its writes. Valid while this client is; disposing it does nothing.
    /// </summary>
    public WaldurClient WithRetry(WaldurRetrySettings? read = null, WaldurRetrySettings? write = null) =>
        new(this, read ?? _options.ReadRetry, write ?? _options.WriteRetry);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }
}
