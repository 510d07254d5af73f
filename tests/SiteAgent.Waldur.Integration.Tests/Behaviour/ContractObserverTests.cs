using System.Net.Http.Headers;
using System.Text;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>The zero-violation assertions mean something: the fixture's observer reports a broken exchange with its JSON path.</summary>
public sealed class ContractObserverTests
{
    [Test]
    public async Task Observer_RequestBodyBreakingTheSchema_FailsWithJsonPath()
    {
        await using var w = await StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{w.ApiUrl}marketplace-provider-resources/{Ids.Resource.Hex()}/set_backend_id/")
        {
            Content = new StringContent("""{"backend_id": 42}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Token);

        using var response = await http.SendAsync(request, Ct);

        // TUnit's Throws does not hand back its own assertion failures, so the helper's failure is caught here.
        Exception? failure = null;
        try
        {
            w.AssertNoViolations();
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        await Assert.That(failure).IsNotNull();
        await Assert.That(failure!.Message).Contains("$.backend_id");
        await Assert.That(failure.Message).Contains("marketplace_provider_resources_set_backend_id request");
    }

    [Test]
    public async Task Observer_ClientRequestWithFieldSelection_ResponseHoldsOnlyRequestedFields()
    {
        await using var w = await StartAsync();

        var order = await w.Client.GetOrderAsync(Ids.PendingOrder, ["type"], Ct);

        await Assert.That((await Assert.That(w.Requests).HasSingleItem()).Query).IsEqualTo("?field=type&field=uuid&field=state");
        await Assert.That((order.Type, order.ProjectSlug)).IsEqualTo((OrderType.Create, null));
        w.AssertNoViolations();
    }
}
