using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Waldur;

namespace SiteAgent.Core.WaldurAccess;

/// <summary>
/// One Waldur client per offering for the life of the process, built the same way for every mode
/// and command (static token or OIDC, proxy, TLS options, User-Agent, dry-run).
/// </summary>
/// <remarks>The reference built a new client per offering per cycle and only some paths supported OIDC.</remarks>
public sealed class WaldurClientFactory : IDisposable
{
    private readonly AgentConfig _config;
    private readonly string _userAgent;
    private readonly ILoggerFactory _loggers;
    private readonly Action<WaldurWritePlanEntry>? _dryRunPlan;
    private readonly Dictionary<Guid, WaldurClient> _clients = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the factory; <paramref name="dryRunPlan"/> non-null means dry-run (writes go to the plan).</summary>
    public WaldurClientFactory(AgentConfig config, string userAgentSuffix, string version, ILoggerFactory loggers, Action<WaldurWritePlanEntry>? dryRunPlan = null)
    {
        _config = config;
        _userAgent = WaldurUserAgent.For(userAgentSuffix, version);
        _loggers = loggers;
        _dryRunPlan = dryRunPlan;
    }

    /// <summary>The client of an offering.</summary>
    public WaldurClient For(OfferingConfig offering)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(offering.OfferingUuid, out var client))
            {
                client = new WaldurClient(Options(offering), _loggers.CreateLogger("SiteAgent.Waldur"));
                _clients[offering.OfferingUuid] = client;
            }

            return client;
        }
    }

    /// <summary>The options a client of <paramref name="offering"/> gets.</summary>
    public WaldurClientOptions Options(OfferingConfig offering) => new()
    {
        ApiUrl = offering.WaldurApiUrl,
        Credentials = offering.Credentials,
        UserAgent = _userAgent,
        VerifyTls = offering.VerifySsl,
        CaBundlePath = offering.CaBundlePath,
        Proxy = _config.GlobalProxy.Length > 0 ? new Uri(_config.GlobalProxy) : null,
        DryRun = _dryRunPlan is not null,
        WritePlan = _dryRunPlan,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }
}
