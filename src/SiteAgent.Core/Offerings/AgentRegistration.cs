using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Offerings;

/// <summary>
/// Registers the agent identity, its service for this mode and the processor in Waldur:
/// once per process and offering, retried next cycle after a failure,
/// and never fatal for the actual work.
/// </summary>
/// <remarks>The reference re-registered every cycle, so Waldur's "last restarted" meant "last cycle".</remarks>
public sealed partial class AgentRegistration
{
    private readonly AgentRuntime _runtime;
    private readonly HashSet<(Guid Offering, string Service, string Processor)> _done = [];
    private readonly ILogger _logger;

    /// <summary>Creates the registrar.</summary>
    public AgentRegistration(AgentRuntime runtime)
    {
        _runtime = runtime;
        _logger = runtime.Loggers.CreateLogger("SiteAgent.Registration");
    }

    /// <summary>Registers identity, the mode's service and processor unless already done for this process.</summary>
    public Task EnsureAsync(OfferingSession session, string processorName, CancellationToken cancellationToken) =>
        EnsureAsync(session, _runtime.Mode, processorName, cancellationToken);

    /// <summary>Registers identity, service <paramref name="serviceName"/> and processor unless already done for this process.</summary>
    public async Task EnsureAsync(OfferingSession session, string serviceName, string processorName, CancellationToken cancellationToken)
    {
        var key = (session.Offering.OfferingUuid, serviceName, processorName);
        if (_done.Contains(key))
        {
            return;
        }

        try
        {
            var identity = await RegisterIdentityAsync(session.Offering, session.Waldur, cancellationToken).ConfigureAwait(false);
            var service = await session.Waldur.RegisterAgentServiceAsync(identity.Uuid, new AgentServiceCreateRequest(serviceName, _runtime.Mode), cancellationToken).ConfigureAwait(false);
            await session.Waldur.RegisterAgentProcessorAsync(service.Uuid,
                new AgentProcessorCreateRequest(processorName, session.Descriptor.Id, session.Descriptor.Version), cancellationToken).ConfigureAwait(false);
            _done.Add(key);
            LogRegistered(_logger, session.Name, identity.Name, serviceName, processorName);
        }
        catch (WaldurException ex) when (ex is not WaldurApiException { StatusCode: 401 })
        {
            LogFailed(_logger, session.Name, ex.Message);
        }
    }

    /// <summary>Forgets what was registered, so that the next <see cref="EnsureAsync(OfferingSession, string, CancellationToken)"/> registers again (keeps services Active in Waldur).</summary>
    public void Refresh() => _done.Clear();

    /// <summary>Creates or updates the identity <c>agent-&lt;offering uuid&gt;</c>; errors propagate.</summary>
    public async Task<AgentIdentity> RegisterIdentityAsync(OfferingConfig offering, WaldurClient waldur, CancellationToken cancellationToken)
    {
        // The reference names the identity after the uuid exactly as configured; keep that so an upgrade finds it.
        var name = "agent-" + (offering.OfferingUuidText.Length > 0 ? offering.OfferingUuidText : offering.OfferingUuid.ToString("N"));
        var existing = await waldur.ListAgentIdentities(new AgentIdentityListQuery { Name = name }).FirstPageAsync(cancellationToken).ConfigureAwait(false);
        var request = new AgentIdentityRequest
        {
            Offering = offering.OfferingUuid,
            Name = name,
            Version = _runtime.Version,
            LastRestarted = _runtime.StartedAt,
            Dependencies = _runtime.Catalog.All.Select(d => new AgentDependency("waldur-site-agent-backend-" + d.Id, d.Version))
                .Append(new AgentDependency("SiteAgent.Waldur", _runtime.Version)).ToArray(),
            ConfigFilePath = _runtime.Config.SourcePath,
            ConfigFileContent = string.Empty,
        };
        return existing.Items.Count > 0
            ? await waldur.UpdateAgentIdentityAsync(existing.Items[0].Uuid, request, cancellationToken).ConfigureAwait(false)
            : await waldur.CreateAgentIdentityAsync(request, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = LogEvents.IdentityRegistered, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": registered as {Identity}, service {Service}, processor {Processor}")]
    private static partial void LogRegistered(ILogger logger, string offering, string identity, string service, string processor);

    [LoggerMessage(EventId = LogEvents.RegistrationFailed, Level = LogLevel.Warning,
        Message = "Offering \"{Offering}\": agent registration in Waldur failed ({Reason}); processing continues and registration is retried next cycle")]
    private static partial void LogFailed(ILogger logger, string offering, string reason);
}
