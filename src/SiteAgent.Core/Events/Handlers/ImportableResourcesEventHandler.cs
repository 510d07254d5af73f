using Microsoft.Extensions.Logging;
using SiteAgent.Core.Config;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

// No backend in this build lists its accounts for import, so the request is taken and marked erred
// with the reason instead of leaving the requester waiting.

/// <summary><c>importable_resources</c>: the request is taken and marked erred with the reason.</summary>
public sealed partial class ImportableResourcesEventHandler(EventServices services)
    : EventHandler<ImportableResourcesEvent>(services, ObservableObjectType.ImportableResources, EventJsonContext.Default.ImportableResourcesEvent)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, ImportableResourcesEvent message, CancellationToken cancellationToken)
    {
        var request = EventUuid.Required(message.BackendResourceRequestUuid, "backend_resource_request_uuid");
        var waldur = Services.Runtime.Clients.For(offering);
        await waldur.GetBackendResourceRequestAsync(request, cancellationToken).ConfigureAwait(false);
        await waldur.StartBackendResourceRequestAsync(request, cancellationToken).ConfigureAwait(false);
        var reason = $"Backend \"{offering.OrderProcessingBackend}\" of offering \"{offering.Name}\" cannot list its resources for import";
        await waldur.SetBackendResourceRequestErredAsync(request, reason, string.Empty, cancellationToken).ConfigureAwait(false);
        LogRefused(Services.Logger, offering.Name, request, reason);
    }

    [LoggerMessage(EventId = LogEvents.EventImportRefused, Level = LogLevel.Warning, Message = "Offering \"{Offering}\": import request {Request} marked erred: {Reason}")]
    private static partial void LogRefused(ILogger logger, string offering, Guid request, string reason);
}
