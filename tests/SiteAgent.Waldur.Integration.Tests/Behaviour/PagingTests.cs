using System.Text.Json.Nodes;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Queries;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>All-pages enumeration against the emulator's LinkHeaderPagination.</summary>
public sealed class PagingTests
{
    private static readonly Guid Offering = Guid.Parse("e0000000000000000000000000000250");

    [Fact]
    public async Task ListOfferingUsers_250Users_ThreeRequestsOfHundredFollowingLink()
    {
        await using var w = await StartWithUsersAsync(250);

        var users = await w.Client.ListOfferingUsers(new OfferingUserListQuery { OfferingUuids = [Offering] }).ToListAsync(Ct);

        Assert.Equal(250, users.Select(u => u.Uuid).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"user{i:D3}"), users.Select(u => u.Username));
        var queries = w.Requests.Select(r => r.Query).ToList();
        Assert.Equal(3, queries.Count);
        Assert.All(queries, q => Assert.Contains("page_size=100", q, StringComparison.Ordinal));
        Assert.DoesNotContain("page=", queries[0].Replace("page_size=", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("page=2", queries[1], StringComparison.Ordinal);
        Assert.Contains("page=3", queries[2], StringComparison.Ordinal);
        w.AssertNoViolations();
    }

    [Fact]
    public async Task FirstPage_250Users_ServerDefaultPageWithCountAndNextPage()
    {
        await using var w = await StartWithUsersAsync(250);

        var page = await w.Client.ListOfferingUsers(new OfferingUserListQuery { OfferingUuids = [Offering] }).FirstPageAsync(Ct);

        Assert.Equal((10, 250, 2), (page.Items.Count, page.TotalCount, page.NextPage));
        Assert.DoesNotContain("page", Assert.Single(w.Requests).Query, StringComparison.Ordinal);
        w.AssertNoViolations();
    }

    [Fact]
    public async Task PagesAsync_StopEarly_FetchesOnlyWhatWasConsumed()
    {
        await using var w = await StartWithUsersAsync(250);

        await foreach (var page in w.Client.ListOfferingUsers().PagesAsync(Ct))
        {
            Assert.Equal(100, page.Items.Count);
            break;
        }

        Assert.Single(w.Requests);
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
