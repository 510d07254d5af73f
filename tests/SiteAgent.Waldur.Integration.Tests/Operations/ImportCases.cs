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

            Assert.Equal((Ids.SentRequest, "Sent", (Guid?)Ids.Offering), (request.Uuid, request.State, request.Offering));
        }),
        new("backend_resource_requests_start_processing", async w =>
        {
            var answer = await w.Client.StartBackendResourceRequestAsync(Ids.SentRequest, Ct);

            Assert.Equal("Backend resource request is processing.", answer.Status);
            Assert.Equal("Processing", w.Read(s => s.BackendResourceRequests.At(Ids.SentRequest).State));
        }),
        new("backend_resource_requests_set_done", async w =>
        {
            var answer = await w.Client.SetBackendResourceRequestDoneAsync(Ids.ProcessingRequest, Ct);

            Assert.Equal("Backend resource request is done.", answer.Status);
            Assert.Equal("Done", w.Read(s => s.BackendResourceRequests.At(Ids.ProcessingRequest).State));
        }),
        new("backend_resource_requests_set_erred", async w =>
        {
            await w.Client.SetBackendResourceRequestErredAsync(Ids.ProcessingRequest, "squeue failed", "Traceback: squeue", Ct);

            var request = w.Read(s => s.BackendResourceRequests.At(Ids.ProcessingRequest));
            Assert.Equal(("Erred", "squeue failed", "Traceback: squeue"), (request.State, request.ErrorMessage, request.ErrorTraceback));
        }),
        new("backend_resources_list", async w =>
        {
            var resources = await w.Client.ListBackendResources(new BackendResourceListQuery
            {
                OfferingUuid = Ids.Offering, ProjectUuid = Ids.Project, BackendId = "legacy_account",
            }).ToListAsync(Ct);

            var resource = Assert.Single(resources);
            Assert.Equal(("legacy_account", (Guid?)Ids.Project, (Guid?)Ids.Offering), (resource.Name, resource.Project, resource.Offering));
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

            Assert.Equal(("acct2", "acct2"), (created.Name, created.BackendId));
            Assert.Equal(10, created.BackendMetadata!.Value.GetProperty("limits").GetProperty("cpu").GetInt32());
            Assert.Equal("acct2", w.Read(s => s.BackendResources.At(created.Uuid).BackendId));
        }),
        new("marketplace_resource_api_keys_list", async w =>
        {
            var keys = await w.Client.ListResourceApiKeys(new ResourceApiKeyListQuery { ResourceUuid = Ids.Resource }).ToListAsync(Ct);

            var key = Assert.Single(keys);
            Assert.Equal((Ids.ApiKey, "key-1", ResourceApiKeyState.Ok, (Guid?)Ids.Resource), (key.Uuid, key.ClientId, key.State, key.ResourceUuid));
        }),
        new("marketplace_resource_api_keys_report_created", async w =>
        {
            var key = await w.Client.ReportResourceApiKeyCreatedAsync(new ResourceApiKeyReportCreatedRequest(Ids.Resource, "key-2", "s3cret-value"), Ct);

            Assert.Equal(("key-2", ResourceApiKeyState.Ok), (key.ClientId, key.State));
            Assert.Equal("s3cret-value", w.Read(s => s.ApiKeys.At(key.Uuid).ApiKey));
        }),
        new("marketplace_resource_api_keys_set_key", async w =>
        {
            w.Arrange(s => s.ApiKeys.At(Ids.ApiKey).State = ResourceApiKeyState.Updating);

            var key = await w.Client.SetResourceApiKeyAsync(Ids.ApiKey, new ResourceApiKeySetKeyRequest("rotated", null), Ct);

            Assert.Equal(("key-1", ResourceApiKeyState.Ok), (key.ClientId, key.State));
            Assert.Equal("rotated", w.Read(s => s.ApiKeys.At(Ids.ApiKey).ApiKey));
        }),
        new("marketplace_resource_api_keys_set_erred", async w =>
        {
            var key = await w.Client.SetResourceApiKeyErredAsync(Ids.ApiKey, "rotation failed", Ct);

            Assert.Equal((ResourceApiKeyState.Erred, "rotation failed"), (key.State, key.ErrorMessage));
        }),
    ];
}
