using Microsoft.Extensions.Logging;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Config;
using SiteAgent.Core.Imports;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Orders;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Events.Handlers;

/// <summary>
/// <c>importable_resources</c>: the request is taken, the order backend's resources that Waldur does not
/// know are reported as importable backend resources, and the request is marked done; or erred with the
/// reason when the listing fails or the backend cannot list its resources.
/// </summary>
/// <remarks>
/// A request already Done or Erred is left alone (a redelivered message); one found Processing was taken
/// by an earlier attempt that did not finish, and is finished now: reports are looked up before they are
/// made, so nothing is reported twice.
/// </remarks>
public sealed partial class ImportableResourcesEventHandler(EventServices services)
    : EventHandler<ImportableResourcesEvent>(services, ObservableObjectType.ImportableResources, EventJsonContext.Default.ImportableResourcesEvent)
{
    /// <summary>The processor name Waldur shows for the import.</summary>
    public const string ProcessorName = "OfferingImportableResourcesProcessor";

    private const string Sent = "Sent";
    private const string Processing = "Processing";

    /// <inheritdoc />
    protected override async Task HandleAsync(OfferingConfig offering, ImportableResourcesEvent message, CancellationToken cancellationToken)
    {
        var request = EventUuid.Required(message.BackendResourceRequestUuid, "backend_resource_request_uuid");
        var waldur = Services.Runtime.Clients.For(offering);
        var details = await waldur.GetBackendResourceRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (details.State is not (Sent or Processing))
        {
            LogAlreadyFinished(Services.Logger, offering.Name, request, details.State ?? "(none)");
            return;
        }

        if (details.State == Sent)
        {
            await waldur.StartBackendResourceRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (offering.OrderProcessingBackend.Length == 0)
            {
                await RefuseAsync(waldur, offering, request, $"Offering \"{offering.Name}\" has no order_processing_backend to list resources for import", cancellationToken)
                    .ConfigureAwait(false);
                return;
            }

            var session = await Services.SessionAsync(offering, offering.OrderProcessingBackend, ServiceName, ProcessorName, cancellationToken).ConfigureAwait(false);
            if (session.Backend is not IResourceListingBackend listing)
            {
                await RefuseAsync(waldur, offering, request, $"Backend \"{offering.OrderProcessingBackend}\" of offering \"{offering.Name}\" cannot list its resources for import",
                    cancellationToken).ConfigureAwait(false);
                return;
            }

            var import = new ResourceImport(offering.OfferingUuid, offering.Name, session.BackendContext.Common.ProjectPrefix,
                session.Waldur.WithRetry(write: WaldurRetrySettings.None), Services.Logger);
            await import.RunAsync(listing, cancellationToken).ConfigureAwait(false);
            await waldur.SetBackendResourceRequestDoneAsync(request, cancellationToken).ConfigureAwait(false);
            LogDone(Services.Logger, offering.Name, request);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var (error, traceback) = OrderErrors.Details(ex, Services.Runtime.Config.ExposeBackendErrorDetails);
            LogFailed(Services.Logger, offering.Name, request, ex.Message);
            await waldur.SetBackendResourceRequestErredAsync(request, error, traceback, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RefuseAsync(WaldurClient waldur, OfferingConfig offering, Guid request, string reason, CancellationToken cancellationToken)
    {
        await waldur.SetBackendResourceRequestErredAsync(request, reason, string.Empty, cancellationToken).ConfigureAwait(false);
        LogRefused(Services.Logger, offering.Name, request, reason);
    }

    [LoggerMessage(EventId = LogEvents.EventImportRefused, Level = LogLevel.Warning, Message = "Offering \"{Offering}\": import request {Request} marked erred: {Reason}")]
    private static partial void LogRefused(ILogger logger, string offering, Guid request, string reason);

    [LoggerMessage(EventId = LogEvents.ImportRequestDone, Level = LogLevel.Information, Message = "Offering \"{Offering}\": import request {Request} done")]
    private static partial void LogDone(ILogger logger, string offering, Guid request);

    [LoggerMessage(EventId = LogEvents.ImportRequestFailed, Level = LogLevel.Error,
        Message = "Offering \"{Offering}\": import request {Request} failed and is marked erred: {Error}")]
    private static partial void LogFailed(ILogger logger, string offering, Guid request, string error);

    [LoggerMessage(EventId = LogEvents.ImportRequestFinished, Level = LogLevel.Information,
        Message = "Offering \"{Offering}\": import request {Request} is already {State}; nothing to do")]
    private static partial void LogAlreadyFinished(ILogger logger, string offering, Guid request, string state);
}
