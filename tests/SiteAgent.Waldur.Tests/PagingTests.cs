using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Paging;
using SiteAgent.Waldur.Queries;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>"All pages" follows <c>Link: rel="next"</c> with page_size=100; "first page" sends no paging.</summary>
public sealed class PagingTests
{
    private static readonly Guid Offering = Guid.Parse("d629d5e4-5567-425d-a9cd-bdc1af67b32c");

    [Fact]
    public async Task AllPages_FollowsNextLinks_RepeatingFiltersWithPageSize100()
    {
        await using var server = new LoopbackServer(request => Page(request, total: 250));
        using var client = TestClients.Client(server);

        var orders = await client.ListOrders(new OrderListQuery { OfferingUuid = Offering, States = [OrderState.PendingProvider, OrderState.Executing] }).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(250, orders.Count);
        Assert.Equal(250, orders.Select(o => o.Uuid).Distinct().Count());
        var requests = server.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(["100"], r.QueryValues("page_size"));
            Assert.Equal(["pending-provider", "executing"], r.QueryValues("state"));
            Assert.Equal([Offering.ToString("N")], r.QueryValues("offering_uuid"));
        });
        Assert.Equal([[], ["2"], ["3"]], requests.Select(r => r.QueryValues("page")).ToList());
    }

    [Fact]
    public async Task Enumeration_StreamsItemsAcrossPages()
    {
        await using var server = new LoopbackServer(request => Page(request, total: 101));
        using var client = TestClients.Client(server);

        var count = 0;
        await foreach (var order in client.ListOrders().WithCancellation(TestContext.Current.CancellationToken))
        {
            Assert.Equal(OrderState.Executing, order.State);
            count++;
        }

        Assert.Equal(101, count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FirstPage_SendsNoPagingParameters_AndReportsTotalAndNext()
    {
        await using var server = new LoopbackServer(request => Page(request, total: 250));
        using var client = TestClients.Client(server);

        var page = await client.ListOrders(new OrderListQuery { OfferingUuid = Offering }).FirstPageAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Empty(request.QueryValues("page"));
        Assert.Empty(request.QueryValues("page_size"));
        Assert.Equal(250, page.TotalCount);
        Assert.Equal(2, page.NextPage);
    }

    [Fact]
    public async Task NextLinkLoopingBack_IsAProtocolError()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(200, "[]")
        {
            Headers = [new("Link", "<http://127.0.0.1/api/marketplace-orders/?page=2>; rel=\"next\"")],
        });
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsAsync<WaldurResponseException>(() => client.ListOrders().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("loops", ex.Message);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task FieldSelection_AlwaysIncludesWhatTheModelRequires()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("[]"));
        using var client = TestClients.Client(server);

        await client.ListOrders(new OrderListQuery { Fields = ["project_name", "type"] }).ToListAsync(TestContext.Current.CancellationToken);
        await client.ListProviderResources(new ResourceListQuery { Fields = ["name"], OfferingUuids = [Offering, Offering] }).ToListAsync(TestContext.Current.CancellationToken);

        var requests = server.Requests.ToList();
        Assert.Equal(["project_name", "type", "uuid", "state"], requests[0].QueryValues("field"));
        Assert.Equal(["name", "uuid"], requests[1].QueryValues("field"));
        Assert.Contains($"offering_uuid={Offering:N}%2C{Offering:N}", requests[1].RawQuery.Replace(",", "%2C", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<https://w/api/x/?page=2&page_size=100>; rel=\"next\", <https://w/api/x/?page_size=100>; rel=\"prev\"", 2)]
    [InlineData("<https://w/api/x/?page_size=100>; rel=\"prev\", <https://w/api/x/?page=3&page_size=100>; rel=next", 3)]
    [InlineData("<https://w/api/x/?offering_uuid=a,b&page=4>; rel=\"next\"", 4)]
    [InlineData("<https://w/api/x/?page_size=100>; rel=\"prev\"", null)]
    [InlineData("<https://w/api/x/?page_size=100>; rel=\"next\"", null)]
    [InlineData("", null)]
    public void LinkHeader_FindsNextPageNumber(string header, int? expected)
    {
        var next = LinkHeader.Find(header, "next");

        Assert.Equal(expected, next is null ? null : LinkHeader.PageNumber(next));
    }

    private static CannedResponse Page(RecordedRequest request, int total)
    {
        var page = int.Parse(request.QueryValues("page").FirstOrDefault() ?? "1");
        var size = int.Parse(request.QueryValues("page_size").FirstOrDefault() ?? "10");
        var items = Enumerable.Range((page - 1) * size, Math.Max(0, Math.Min(size, total - ((page - 1) * size))))
            .Select(i => $$"""{"uuid": "{{new Guid(i, 0, 0, new byte[8]):N}}", "state": "executing", "type": "Create"}""");
        var links = new List<string>();
        if (page * size < total)
        {
            links.Add($"<{request.Path}?page={page + 1}&page_size={size}>; rel=\"next\"");
        }

        if (page > 1)
        {
            links.Add($"<{request.Path}?page={page - 1}&page_size={size}>; rel=\"prev\"");
        }

        var headers = new List<KeyValuePair<string, string>> { new("x-result-count", total.ToString()) };
        if (links.Count > 0)
        {
            headers.Add(new("Link", string.Join(", ", links)));
        }

        return new CannedResponse(200, "[" + string.Join(",", items) + "]") { Headers = headers };
    }
}
