using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>waldur-api-usage.md §1.5: bare arrays, X-Result-Count and a Link header chain.</summary>
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

    [Fact]
    public async Task AllPages_FollowingNextLinks_Returns250DistinctItemsInThreePages()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();
        var seen = new HashSet<string>();
        var url = List + "&page_size=100";
        var pages = 0;

        while (url is not null)
        {
            var (status, body, response) = await emulator.GetAsync(url);
            Assert.Equal(200, status);
            Assert.Equal("250", response.Headers.GetValues("X-Result-Count").Single());
            foreach (var item in body!.AsArray()) Assert.True(seen.Add(item!["uuid"]!.GetValue<string>()));
            pages++;
            url = Links(response).GetValueOrDefault("next");
        }

        Assert.Equal((3, 250), (pages, seen.Count));
        emulator.AssertNoViolations();
    }

    [Fact]
    public async Task SecondPage_HasFirstPrevNextLast_WithDrfQueryRules()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (_, body, response) = await emulator.GetAsync(List + "&page_size=100&page=2");
        var links = Links(response);

        Assert.Equal(100, body!.AsArray().Count);
        Assert.Equal(["first", "prev", "next", "last"], links.Keys);
        Assert.DoesNotContain("page=", links["prev"].Replace("page_size=", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("page=3", links["next"], StringComparison.Ordinal);
        Assert.Contains("page=3", links["last"], StringComparison.Ordinal);
        Assert.StartsWith(emulator.Host.BaseUrl + "api/marketplace-offering-users/?", links["next"], StringComparison.Ordinal);
        Assert.Contains("state=Requested", links["next"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPageSize_UsesWaldurDefaultOfTen()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (_, body, response) = await emulator.GetAsync(List);

        Assert.Equal(10, body!.AsArray().Count);
        Assert.Contains("page=25", Links(response)["last"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageSizeAboveMaximum_IsCappedAt300()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (_, body, response) = await emulator.GetAsync(List + "&page_size=1000");

        Assert.Equal(250, body!.AsArray().Count);
        Assert.False(Links(response).ContainsKey("next"));
    }

    [Fact]
    public async Task PageBeyondLast_Answers404InvalidPage()
    {
        await using var emulator = await StartWith250RequestedUsersAsync();

        var (status, body, _) = await emulator.GetAsync(List + "&page_size=100&page=4");

        Assert.Equal((404, "Invalid page."), (status, body!["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EmptyList_HasCountZeroAndOnlyFirstAndLast()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        var (_, body, response) = await emulator.GetAsync(List);

        Assert.Empty(body!.AsArray());
        Assert.Equal("0", response.Headers.GetValues("X-Result-Count").Single());
        Assert.Equal(["first", "last"], Links(response).Keys);
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
