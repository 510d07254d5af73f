using SiteAgent.Backends.Model;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>Hostile Waldur values are refused before any command runs (a recording runner wraps the real one).</summary>
public class HostileValueTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    public static IEnumerable<string> HostileSlugs =>
    [
        "x;rm -rf /",
        "$(reboot)",
        "`id`",
        "-rf",
        "a=b",
        "eve,mallory",
        "name with space",
        "line\nbreak",
        "where",
        "this-slug-is-far-too-long-for-a-slurm-account-1",
    ];

    [Test]
    [MethodDataSource(nameof(HostileSlugs))]
    public async Task Create_HostileResourceSlug_IsRefusedAndNothingRuns(string slug)
    {
        await using var scope = new ClusterScope();
        // Without a prefix the slug is the whole id, as with allocation_prefix: "".
        var backend = scope.Backend(common: c => c with { AllocationPrefix = string.Empty });

        var error = await Assert.ThrowsExactlyAsync<UnsafeValueException>(() =>
            backend.CreateResourceAsync(scope.Resource(slug), slug.ToLowerInvariant(), UserContext.Empty, Token));

        await Assert.That(error!.Message).Contains("resource backend_id");
        await Assert.That(scope.Runner.Commands).IsEmpty();
    }

    [Test]
    [MethodDataSource(nameof(HostileSlugs))]
    public async Task Create_HostileProjectSlug_IsRefusedAndNothingRuns(string slug)
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(common: c => c with { ProjectPrefix = string.Empty });

        var error = await Assert.ThrowsExactlyAsync<UnsafeValueException>(() =>
            backend.CreateResourceAsync(scope.Resource("alloc-1", project: slug), scope.Id("alloc-1"), UserContext.Empty, Token));

        await Assert.That(error!.Message).Contains("project account id");
        await Assert.That(scope.Runner.Commands).IsEmpty();
    }

    [Test]
    [Arguments("-x")]
    [Arguments("a=b")]
    [Arguments("x;id")]
    public async Task Delete_HostileBackendId_IsRefusedAndNothingRuns(string backendId)
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();

        await Assert.ThrowsExactlyAsync<UnsafeValueException>(() => backend.DeleteResourceAsync(scope.Resource("x") with { BackendId = backendId }, "proj-1", Token));
        await Assert.ThrowsExactlyAsync<UnsafeValueException>(() => backend.SetResourceLimitsAsync(scope.Resource("x") with { BackendId = backendId }, new Dictionary<string, decimal> { ["cpu"] = 1 }, Token));
        await Assert.ThrowsExactlyAsync<UnsafeValueException>(() => backend.PullResourceAsync(scope.Resource("x") with { BackendId = backendId }, Token));

        await Assert.That(scope.Runner.Commands).IsEmpty();
    }

    [Test]
    public async Task AddUsers_HostileUsernames_AreSkippedWithoutAnyCommandNamingThem()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        scope.Runner.Clear();
        string[] hostile = ["-x", "--help", "name=zed", "eve,mallory", "cuid:alice", "a b", "$(id)", "where", new string('u', 300)];

        var added = await backend.AddUsersAsync(scope.Resource("alloc-1") with { BackendId = info.BackendId }, [.. hostile, scope.User("ok")], MembershipDetails.None, Token);

        await Assert.That(added).IsEquivalentTo([scope.User("ok")], CollectionOrdering.Matching);
        var arguments = scope.Runner.Commands.SelectMany(c => c.Arguments).Where(a => a != "where").ToArray();
        await Assert.That(arguments).DoesNotContain(a => hostile.Where(h => h != "where").Any(h => a.Contains(h, StringComparison.Ordinal)) || a.Contains("zed", StringComparison.Ordinal));
        await Assert.That(scope.Runner.Commands).DoesNotContain(c => c.Arguments.Count(a => a == "where") > 1);
        var users = await backend.Client.ListAccountUsersAsync(info.BackendId, Token);
        await Assert.That(users).IsEquivalentTo([scope.User("ok")], CollectionOrdering.Matching);
    }

    [Test]
    public async Task Create_DescriptionWithNewlineQuotesAndComma_IsStoredAsOneCleanLine()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();

        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1") with { Name = "Line one\nline \"two\", a=b" }, scope.Id("alloc-1"), UserContext.Empty, Token);

        var record = await backend.Client.GetAccountRecordAsync(info.BackendId, Token);
        await Assert.That(record!.Description).IsEqualTo("line one line two, a=b");
    }
}
