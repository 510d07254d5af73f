using System.Text.Json;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>Periodic usage-policy settings on the real cluster: what lands in SLURM, and that a re-sent command changes nothing.</summary>
public class PeriodicSettingsIntegrationTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    private static readonly PeriodicLimitsOptions Enabled = PeriodicLimitsOptions.Disabled with { Enabled = true };

    [Test]
    public async Task FairshareAndGrpTresMins_AreWritten_OneCommandPerTres_AndAnIdenticalCommandWritesNothing()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { PeriodicLimits = Enabled });
        var account = await CreateAccountAsync(scope, backend, "periodic");

        var first = await ApplyAsync(backend, account, """{"fairshare": 250, "limit_type": "GrpTRESMins", "grp_tres_mins": {"cpu": 6000, "mem": 1000}, "qos_threshold": {"x": 1}}""");

        await Assert.That(first.Success).IsTrue().Because(first.Error ?? "");
        await Assert.That(first.Mode).IsEqualTo("production");
        await Assert.That(Writes(first)).IsEquivalentTo(
        [
            $"modify account {account} cluster={scope.Cluster} set fairshare=250",
            $"modify account {account} cluster={scope.Cluster} set GrpTRESMins=cpu=6000",
            $"modify account {account} cluster={scope.Cluster} set GrpTRESMins=mem=1000",
        ], CollectionOrdering.Matching);
        await Assert.That(first.CommandsExecuted[0]).Contains("show association");
        await Assert.That(await AccountRowAsync(scope, account)).IsEqualTo("250|cpu=6000,mem=1000M");

        var again = await ApplyAsync(backend, account, """{"fairshare": 250, "grp_tres_mins": {"cpu": 6000, "mem": 1000}}""");
        await Assert.That(again.Success).IsTrue();
        await Assert.That(Writes(again)).IsEmpty();

        var changed = await ApplyAsync(backend, account, """{"fairshare": 250, "grp_tres_mins": {"cpu": 9000, "mem": 1000}}""");
        await Assert.That(Writes(changed)).IsEquivalentTo([$"modify account {account} cluster={scope.Cluster} set GrpTRESMins=cpu=9000"]);
        await Assert.That(await AccountRowAsync(scope, account)).IsEqualTo("250|cpu=9000,mem=1000M");
    }

    [Test]
    public async Task MaxTresMinsFromTheConfiguration_IsTheLimitWritten_WhenTheCommandNamesNone()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { PeriodicLimits = Enabled with { LimitType = "MaxTRESMins" } });
        var account = await CreateAccountAsync(scope, backend, "maxmins");

        var result = await ApplyAsync(backend, account, """{"max_tres_mins": {"cpu": 120}}""");

        await Assert.That(result.Success).IsTrue().Because(result.Error ?? "");
        await Assert.That(Writes(result)).IsEquivalentTo([$"modify account {account} cluster={scope.Cluster} set MaxTRESMins=cpu=120"]);
        var row = (await SlurmCluster.SacctmgrAsync("show", "association", "where", $"account={account}", $"cluster={scope.Cluster}", "format=User,MaxTRESMins"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith('|'));
        await Assert.That(row).IsEqualTo("|cpu=120");
    }

    [Test]
    public async Task RawUsageReset_RunsEveryTime()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { PeriodicLimits = Enabled });
        var account = await CreateAccountAsync(scope, backend, "reset");

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var result = await ApplyAsync(backend, account, """{"reset_raw_usage": true}""");
            await Assert.That(result.Success).IsTrue().Because(result.Error ?? "");
            await Assert.That(Writes(result)).IsEquivalentTo([$"modify account {account} cluster={scope.Cluster} set RawUsage=0"]);
        }
    }

    [Test]
    public async Task AccountNotOnTheCluster_IsAFailure_WithTheReadThatFoundIt()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { PeriodicLimits = Enabled });
        var account = scope.Id("never-created");

        var result = await ApplyAsync(backend, account, """{"fairshare": 10}""");

        await Assert.That(result.Success).IsFalse();
        await Assert.That(result.Error).Contains($"SLURM account {account} does not exist on cluster {scope.Cluster}");
        await Assert.That(result.CommandsExecuted).HasSingleItem();
        await Assert.That(Writes(result)).IsEmpty();
    }

    [Test]
    [Arguments("acc where", """{"fairshare": 1}""", "Refusing resource backend_id 'acc where'")]
    [Arguments("acc", """{"grp_tres_mins": {"cpu set": 1}}""", "Refusing TRES name 'cpu set'")]
    [Arguments("acc", """{"grp_tres_mins": {"cpu": 1}, "limit_type": "GrpTRESMins=cpu=0"}""", "limit_type 'GrpTRESMins=cpu=0' is not one of")]
    public async Task UnsafeValues_AreRefused_BeforeAnyCommand(string backendId, string json, string message)
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { PeriodicLimits = Enabled });

        var result = await ApplyAsync(backend, backendId, json);

        await Assert.That(result.Success).IsFalse();
        await Assert.That(result.Error).Contains(message);
        await Assert.That(result.CommandsExecuted).IsEmpty();
        await Assert.That(scope.Runner.Commands).IsEmpty();
    }

    [Test]
    public async Task PeriodicLimitsOff_IsRefusedWithItsReason_AndRunsNothing()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();

        var result = await ApplyAsync(backend, scope.Id("any"), """{"fairshare": 5}""");

        await Assert.That(result.Success).IsFalse();
        await Assert.That(result.Reason).IsEqualTo("periodic_limits_not_enabled");
        await Assert.That(result.CommandsExecuted).IsEmpty();
        await Assert.That(result.Error).Contains("periodic_limits.enabled: true");
        await Assert.That(scope.Runner.Commands).IsEmpty();
    }

    private static async Task<string> CreateAccountAsync(ClusterScope scope, SlurmBackend backend, string slug)
    {
        var account = scope.Id(slug);
        await backend.Client.CreateAccountAsync(account, "periodic settings test", account, "root", Token);
        return account;
    }

    private static async Task<PeriodicSettingsResult> ApplyAsync(SlurmBackend backend, string account, string json)
    {
        using var document = JsonDocument.Parse(json);
        return await backend.ApplyPeriodicSettingsAsync(account, document.RootElement.Clone(), Token);
    }

    /// <summary>The sacctmgr writes among the executed commands, from the verb on.</summary>
    private static IEnumerable<string> Writes(PeriodicSettingsResult result) => result.CommandsExecuted
        .Select(c => c[(c.IndexOf(" --immediate ", StringComparison.Ordinal) + " --immediate ".Length)..])
        .Where(c => c.StartsWith("modify ", StringComparison.Ordinal))
        .ToList();

    /// <summary><c>Fairshare|GrpTRESMins</c> of the account-level association.</summary>
    private static async Task<string> AccountRowAsync(ClusterScope scope, string account) =>
        (await SlurmCluster.SacctmgrAsync("show", "association", "where", $"account={account}", $"cluster={scope.Cluster}", "format=User,Fairshare,GrpTRESMins"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith('|'))[1..];
}
