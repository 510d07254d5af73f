using System.Text.Json.Nodes;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>Importable backend resources and their requests, and the 8.1.x resource API keys.</summary>
internal static class ImportCases
{
    public static IEnumerable<ClientCase> All() =>
    [
        new("backend_resource_requests_retrieve", async w =>
        {
            var request = await w.Client.GetBackendResourceRequestAsync(Ids.SentRequest, Ct);

            await Assert.That((request.Uuid, request.State, request.Offering)).IsEqualTo((Ids.SentRequest, "Sent", (Guid?)Ids.Offering));
        }),
        new("backend_resource_requests_start_processing", async w =>
        {
            var answer = await w.Client.StartBackendResourceRequestAsync(Ids.SentRequest, Ct);

            await Assert.That(answer.Status).IsEqualTo("Backend resource request is processing.");
            await Assert.That(w.Read(s => s.BackendResourceRequests.At(Ids.SentRequest).State)).IsEqualTo("Processing");
        }),
        new("backend_resource_requests_set_done", async w =>
        {
            var answer = await w.Client.SetBackendResourceRequestDoneAsync(Ids.ProcessingRequest, Ct);

            await Assert.That(answer.Status).IsEqualTo("Backend resource request is done.");
            await Assert.That(w.Read(s => s.BackendResourceRequests.At(Ids.ProcessingRequest).State)).IsEqualTo("Done");
        }),
        new("backend_resource_requests_set_erred", async w =>
        {
            await w.Client.SetBackendResourceRequestErredAsync(Ids.ProcessingRequest, "squeue failed", "Traceback: squeue", Ct);

            var request = w.Read(s => s.BackendResourceRequests.At(Ids.ProcessingRequest));
            await Assert.That((request.State, request.ErrorMessage, request.ErrorTraceback)).IsEqualTo(("Erred", "squeue failed", "Traceback: squeue"));
        }),
        new("backend_resources_list", async w =>
        {
            var resources = await w.Client.ListBackendResources(new BackendResourceListQuery
            {
                OfferingUuid = Ids.Offering, ProjectUuid = Ids.Project, BackendId = "legacy_account",
            }).ToListAsync(Ct);

            var resource = await Assert.That(resources).HasSingleItem();
            await Assert.That((resource.Name, resource.Project, resource.Offering)).IsEqualTo(("legacy_account", (Guid?)Ids.Project, (Guid?)Ids.Offering));
        }),
        new("backend_resources_create", async w =>
        {
            var created = await w.Client.CreateBackendResourceAsync(
                new BackendResourceCreateRequest
                {
                    Name = "acct2", Project = Ids.Project, Offering = Ids.Offering, BackendId = "acct2",
                    BackendMetadata = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = 10 } },
                },
                Ct);

            await Assert.That((created.Name, created.BackendId)).IsEqualTo(("acct2", "acct2"));
            await Assert.That(created.BackendMetadata!.Value.GetProperty("limits").GetProperty("cpu").GetInt32()).IsEqualTo(10);
            await Assert.That(w.Read(s => s.BackendResources.At(created.Uuid).BackendId)).IsEqualTo("acct2");
        }),
        new("marketplace_resource_api_keys_list", async w =>
        {
            var keys = await w.Client.ListResourceApiKeys(new ResourceApiKeyListQuery { ResourceUuid = Ids.Resource }).ToListAsync(Ct);

            var key = await Assert.That(keys).HasSingleItem();
            await Assert.That((key.Uuid, key.ClientId, key.State, key.ResourceUuid)).IsEqualTo((Ids.ApiKey, "key-1", ResourceApiKeyState.Ok, (Guid?)Ids.Resource));
        }),
        new("marketplace_resource_api_keys_report_created", async w =>
        {
            var key = await w.Client.ReportResourceApiKeyCreatedAsync(new ResourceApiKeyReportCreatedRequest(Ids.Resource, "key-2", "s3cret-value"), Ct);

            await Assert.That((key.ClientId, key.State)).IsEqualTo(("key-2", ResourceApiKeyState.Ok));
            await Assert.That(w.Read(s => s.ApiKeys.At(key.Uuid).ApiKey)).IsEqualTo("s3cret-value");
        }),
        new("marketplace_resource_api_keys_set_key", async w =>
        {
            w.Arrange(s => s.ApiKeys.At(Ids.ApiKey).State = ResourceApiKeyState.Updating);

            var key = await w.Client.SetResourceApiKeyAsync(Ids.ApiKey, new ResourceApiKeySetKeyRequest("rotated", null), Ct);

            await Assert.That((key.ClientId, key.State)).IsEqualTo(("key-1", ResourceApiKeyState.Ok));
            await Assert.That(w.Read(s => s.ApiKeys.At(Ids.ApiKey).ApiKey)).IsEqualTo("rotated");
        }),
        new("marketplace_resource_api_keys_set_erred", async w =>
        {
            var key = await w.Client.SetResourceApiKeyErredAsync(Ids.ApiKey, "rotation failed", Ct);

            await Assert.That((key.State, key.ErrorMessage)).IsEqualTo((ResourceApiKeyState.Erred, "rotation failed"));
        }),
    ];
}
