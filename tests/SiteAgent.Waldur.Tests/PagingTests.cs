using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Paging;
using SiteAgent.Waldur.Queries;
using SiteAgent.Waldur.Tests.Infrastructure;

namespace SiteAgent.Waldur.Tests;

/// <summary>"All pages" follows <c>Link: rel="next"</c> with page_size=100; "first page" sends no paging.</summary>
public sealed class PagingTests
{
    private static readonly Guid Offering = Guid.Parse("d629d5e4-5567-425d-a9cd-bdc1af67b32c");

    [Test]
    public async Task AllPages_FollowsNextLinks_RepeatingFiltersWithPageSize100()
    {
        await using var server = new LoopbackServer(request => Page(request, total: 250));
        using var client = TestClients.Client(server);

        var orders = await client.ListOrders(new OrderListQuery { OfferingUuid = Offering, States = [OrderState.PendingProvider, OrderState.Executing] }).ToListAsync(TestContext.Current!.Execution.CancellationToken);

        await Assert.That(orders.Count).IsEqualTo(250);
        await Assert.That(orders.Select(o => o.Uuid).Distinct().Count()).IsEqualTo(250);
        var requests = server.Requests.ToList();
        await Assert.That(requests.Count).IsEqualTo(3);
        foreach (var r in requests)
        {
            await Assert.That(r.QueryValues("page_size")).IsEquivalentTo(["100"], CollectionOrdering.Matching);
            await Assert.That(r.QueryValues("state")).IsEquivalentTo(["pending-provider", "executing"], CollectionOrdering.Matching);
            await Assert.That(r.QueryValues("offering_uuid")).IsEquivalentTo([Offering.ToString("N")], CollectionOrdering.Matching);
        }
        // Each request's page values, joined: no page on the first, then 2 and 3.
        await Assert.That(requests.Select(r => string.Join(",", r.QueryValues("page")))).IsEquivalentTo(["", "2", "3"], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Enumeration_StreamsItemsAcrossPages()
    {
        await using var server = new LoopbackServer(request => Page(request, total: 101));
        using var client = TestClients.Client(server);

        var count = 0;
        await foreach (var order in client.ListOrders().WithCancellation(TestContext.Current!.Execution.CancellationToken))
        {
            await Assert.That(order.State).IsEqualTo(OrderState.Executing);
            count++;
        }

        await Assert.That(count).IsEqualTo(101);
        await Assert.That(server.Requests.Count).IsEqualTo(2);
    }

    [Test]
    public async Task FirstPage_SendsNoPagingParameters_AndReportsTotalAndNext()
    {
        await using var server = new LoopbackServer(request => Page(request, total: 250));
        using var client = TestClients.Client(server);

        var page = await client.ListOrders(new OrderListQuery { OfferingUuid = Offering }).FirstPageAsync(TestContext.Current!.Execution.CancellationToken);

        var request = await Assert.That(server.Requests).HasSingleItem();
        await Assert.That(request.QueryValues("page")).IsEmpty();
        await Assert.That(request.QueryValues("page_size")).IsEmpty();
        await Assert.That(page.TotalCount).IsEqualTo(250);
        await Assert.That(page.NextPage).IsEqualTo(2);
    }

    [Test]
    public async Task NextLinkLoopingBack_IsAProtocolError()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(200, "[]")
        {
            Headers = [new("Link", "<http://127.0.0.1/api/marketplace-orders/?page=2>; rel=\"next\"")],
        });
        using var client = TestClients.Client(server);

        var ex = await Assert.ThrowsExactlyAsync<WaldurResponseException>(() => client.ListOrders().ToListAsync(TestContext.Current!.Execution.CancellationToken));
        await Assert.That(ex!.Message).Contains("loops");
        await Assert.That(ex.IsTransient).IsFalse();
    }

    [Test]
    public async Task FieldSelection_AlwaysIncludesWhatTheModelRequires()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Json("[]"));
        using var client = TestClients.Client(server);

        await client.ListOrders(new OrderListQuery { Fields = ["project_name", "type"] }).ToListAsync(TestContext.Current!.Execution.CancellationToken);
        await client.ListProviderResources(new ResourceListQuery { Fields = ["name"], OfferingUuids = [Offering, Offering] }).ToListAsync(TestContext.Current!.Execution.CancellationToken);

        var requests = server.Requests.ToList();
        await Assert.That(requests[0].QueryValues("field")).IsEquivalentTo(["project_name", "type", "uuid", "state"], CollectionOrdering.Matching);
        await Assert.That(requests[1].QueryValues("field")).IsEquivalentTo(["name", "uuid"], CollectionOrdering.Matching);
        await Assert.That(requests[1].RawQuery.Replace(",", "%2C", StringComparison.Ordinal)).Contains($"offering_uuid={Offering:N}%2C{Offering:N}");
    }

    [Test]
    [Arguments("<https://w/api/x/?page=2&page_size=100>; rel=\"next\", <https://w/api/x/?page_size=100>; rel=\"prev\"", 2)]
    [Arguments("<https://w/api/x/?page_size=100>; rel=\"prev\", <https://w/api/x/?page=3&page_size=100>; rel=next", 3)]
    [Arguments("<https://w/api/x/?offering_uuid=a,b&page=4>; rel=\"next\"", 4)]
    [Arguments("<https://w/api/x/?page_size=100>; rel=\"prev\"", null)]
    [Arguments("<https://w/api/x/?page_size=100>; rel=\"next\"", null)]
    [Arguments("", null)]
    public async Task LinkHeader_FindsNextPageNumber(string header, int? expected)
    {
        var next = LinkHeader.Find(header, "next");

        await Assert.That(next is null ? null : LinkHeader.PageNumber(next)).IsEqualTo(expected);
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
