using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>Waldur list paging: bare arrays, X-Result-Count and a Link header chain.</summary>
public sealed partial class PaginationTests
{
    private const string List = $"/api/marketplace-offering-users/?offering_uuid={Ids.Offering}&state=Requested";

    private static async Task<TestEmulator> StartWith250RequestedUsersAsync()
    {
        var emulator = await TestEmulator.StartAsync(extras: false);
        var users = new JsonArray();
        var offeringUsers = new JsonArray();
        for (var i = 0; i < 250; i++)
        {
            users.Add(new JsonObject { ["username"] = $"user{i:D3}@example.org" });
            offeringUsers.Add(new JsonObject { ["offering"] = Ids.Offering, ["user"] = $"user{i:D3}@example.org", ["state"] = "Requested" });
        }
        emulator.Host.Seed(new JsonObject { ["users"] = users, ["offering_users"] = offeringUsers }.ToJsonString(), yaml: false);
        return emulator;
    }

    [Test]
    public async Task AllPages_FollowingNextLinks_Returns250DistinctItemsInThreePages()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();
        var seen = new HashSet<string>();
        var url = List + "&page_size=100";
        var pages = 0;

        while (url is not null)
        {
            var (status, body, response) = await emulator.GetAsync(url);
            await Assert.That(status).IsEqualTo(200);
            await Assert.That(response.Headers.GetValues("X-Result-Count").Single()).IsEqualTo("250");
            foreach (var item in body!.AsArray()) await Assert.That(seen.Add(item!["uuid"]!.GetValue<string>())).IsTrue();
            pages++;
            url = Links(response).GetValueOrDefault("next");
        }

        await Assert.That((pages, seen.Count)).IsEqualTo((3, 250));
        emulator.AssertNoViolations();
    }

    [Test]
    public async Task SecondPage_HasFirstPrevNextLast_WithDrfQueryRules()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (_, body, response) = await emulator.GetAsync(List + "&page_size=100&page=2");
        var links = Links(response);

        await Assert.That(body!.AsArray().Count).IsEqualTo(100);
        await Assert.That(links.Keys).IsEquivalentTo(["first", "prev", "next", "last"], CollectionOrdering.Matching);
        await Assert.That(links["prev"].Replace("page_size=", "", StringComparison.Ordinal)).DoesNotContain("page=");
        await Assert.That(links["next"]).Contains("page=3");
        await Assert.That(links["last"]).Contains("page=3");
        await Assert.That(links["next"]).StartsWith(emulator.Host.BaseUrl + "api/marketplace-offering-users/?");
        await Assert.That(links["next"]).Contains("state=Requested");
    }

    [Test]
    public async Task NoPageSize_UsesWaldurDefaultOfTen()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (_, body, response) = await emulator.GetAsync(List);

        await Assert.That(body!.AsArray().Count).IsEqualTo(10);
        await Assert.That(Links(response)["last"]).Contains("page=25");
    }

    [Test]
    public async Task PageSizeAboveMaximum_IsCappedAt300()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (_, body, response) = await emulator.GetAsync(List + "&page_size=1000");

        await Assert.That(body!.AsArray().Count).IsEqualTo(250);
        await Assert.That(Links(response).ContainsKey("next")).IsFalse();
    }

    [Test]
    public async Task PageBeyondLast_Answers404InvalidPage()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (status, body, _) = await emulator.GetAsync(List + "&page_size=100&page=4");

        await Assert.That((status, body!["detail"]!.GetValue<string>())).IsEqualTo((404, "Invalid page."));
    }

    [Test]
    public async Task EmptyList_HasCountZeroAndOnlyFirstAndLast()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (_, body, response) = await emulator.GetAsync(List);

        await Assert.That(body!.AsArray()).IsEmpty();
        await Assert.That(response.Headers.GetValues("X-Result-Count").Single()).IsEqualTo("0");
        await Assert.That(Links(response).Keys).IsEquivalentTo(["first", "last"], CollectionOrdering.Matching);
    }

    /// <summary>Parses <c>&lt;url&gt;; rel="x"</c> parts the way the agent's client does.</summary>
    private static Dictionary<string, string> Links(HttpResponseMessage response)
    {
        var header = response.Headers.TryGetValues("Link", out var values) ? string.Join(",", values) : "";
        return LinkPart().Matches(header).ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value);
    }

    [GeneratedRegex("<(?<url>[^>]+)>;\\s*rel=\"?(?<rel>[a-z]+)\"?")]
    private static partial Regex LinkPart();
}
