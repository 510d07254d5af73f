using System.Text.Json.Nodes;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>All-pages enumeration against the emulator's LinkHeaderPagination.</summary>
public sealed class PagingTests
{
    private static readonly Guid Offering = Guid.Parse("e0000000000000000000000000000250");

    [Test]
    public async Task ListOfferingUsers_250Users_ThreeRequestsOfHundredFollowingLink()
    {
        await using var w = await StartWithUsersAsync(250);

        var users = await w.Client.ListOfferingUsers(new OfferingUserListQuery { OfferingUuids = [Offering] }).ToListAsync(Ct);

        await Assert.That(users.Select(u => u.Uuid).Distinct().Count()).IsEqualTo(250);
        await Assert.That(users.Select(u => u.Username)).IsEquivalentTo<IEnumerable<string?>, string?>(Enumerable.Range(0, 250).Select(i => $"user{i:D3}"), CollectionOrdering.Matching);
        var queries = w.Requests.Select(r => r.Query).ToList();
        await Assert.That(queries.Count).IsEqualTo(3);
        foreach (var q in queries) { await Assert.That(q).Contains("page_size=100"); }
        await Assert.That(queries[0].Replace("page_size=", "", StringComparison.Ordinal)).DoesNotContain("page=");
        await Assert.That(queries[1]).Contains("page=2");
        await Assert.That(queries[2]).Contains("page=3");
        w.AssertNoViolations();
    }

    [Test]
    public async Task FirstPage_250Users_ServerDefaultPageWithCountAndNextPage()
    {
        await using var w = await StartWithUsersAsync(250);

        var page = await w.Client.ListOfferingUsers(new OfferingUserListQuery { OfferingUuids = [Offering] }).FirstPageAsync(Ct);

        await Assert.That((page.Items.Count, page.TotalCount, page.NextPage)).IsEqualTo((10, 250, 2));
        await Assert.That((await Assert.That(w.Requests).HasSingleItem()).Query).DoesNotContain("page");
        w.AssertNoViolations();
    }

    [Test]
    public async Task PagesAsync_StopEarly_FetchesOnlyWhatWasConsumed()
    {
        await using var w = await StartWithUsersAsync(250);

        await foreach (var page in w.Client.ListOfferingUsers().PagesAsync(Ct))
        {
            await Assert.That(page.Items.Count).IsEqualTo(100);
            break;
        }

        await Assert.That(w.Requests).HasSingleItem();
    }

    private static async Task<EmulatedWaldur> StartWithUsersAsync(int count)
    {
        var w = await StartAsync(seed: false);
        var users = new JsonArray();
        var offeringUsers = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            users.Add(new JsonObject { ["username"] = $"user{i:D3}@example.org" });
            offeringUsers.Add(new JsonObject { ["offering"] = "paged", ["user"] = $"user{i:D3}@example.org", ["username"] = $"user{i:D3}" });
        }

        var scenario = new JsonObject
        {
            ["customers"] = new JsonArray(new JsonObject { ["name"] = "Paging Centre", ["slug"] = "paging" }),
            ["offerings"] = new JsonArray(new JsonObject { ["name"] = "Paged", ["slug"] = "paged", ["uuid"] = Offering.Hex(), ["customer"] = "paging" }),
            ["users"] = users,
            ["offering_users"] = offeringUsers,
        };
        w.Host.Seed(scenario.ToJsonString(), yaml: false);
        return w;
    }
}
