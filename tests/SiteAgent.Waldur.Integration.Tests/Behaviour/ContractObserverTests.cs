using System.Net.Http.Headers;
using System.Text;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Models;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>The zero-violation assertions mean something: the fixture's observer reports a broken exchange with its JSON path.</summary>
public sealed class ContractObserverTests
{
    [Fact]
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

        var failure = Assert.ThrowsAny<Exception>(w.AssertNoViolations);
        Assert.Contains("$.backend_id", failure.Message, StringComparison.Ordinal);
        Assert.Contains("marketplace_provider_resources_set_backend_id request", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observer_ClientRequestWithFieldSelection_ResponseHoldsOnlyRequestedFields()
    {
        await using var w = await StartAsync();

        var order = await w.Client.GetOrderAsync(Ids.PendingOrder, ["type"], Ct);

        Assert.Equal("?field=type&field=uuid&field=state", Assert.Single(w.Requests).Query);
        Assert.Equal((OrderType.Create, null), (order.Type, order.ProjectSlug));
        w.AssertNoViolations();
    }
}
