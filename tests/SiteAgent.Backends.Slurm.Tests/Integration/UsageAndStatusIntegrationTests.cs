using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

[NotInParallel(JobsGroup.Key)]
public class UsageAndStatusIntegrationTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task UsageReport_FinishedJob_IsReportedPerUserAndInTotal()
    {
        await using var scope = new ClusterScope();
        ComponentDefinition[] components =
        [
            new() { Type = "cpu", MeasuredUnit = "CPU-min", Label = "CPU", AccountingType = AccountingType.Usage },
            new() { Type = "mem", MeasuredUnit = "MB-min", Label = "RAM", AccountingType = AccountingType.Usage },
        ];
        var backend = scope.Backend(components: components);
        var resource = scope.Resource("usage");
        var info = await backend.CreateResourceAsync(resource, scope.Id("usage"), UserContext.Empty, Token);
        await backend.AddUsersAsync(resource with { BackendId = info.BackendId }, ["root"], MembershipDetails.None, Token);
        var job = await Jobs.SubmitAsync(info.BackendId, "sleep 3", cpus: 2);
        await Jobs.WaitForStateAsync(job, "COMPLETED");

        UsageReport report = UsageReport.Empty;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!report.Resources.ContainsKey(info.BackendId) && stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(1000, Token);
            report = await backend.GetUsageReportAsync([info.BackendId], Token);
        }

        var usage = report.Resources[info.BackendId];
        var cpu = usage.PerUser["root"]["cpu"];
        await Assert.That(cpu).IsBetween(0.05m, 0.5m);
        await Assert.That(usage.Total["cpu"]).IsEqualTo(cpu);
        await Assert.That(usage.Total["mem"]).IsEqualTo(Math.Round(cpu / 2 * 100));
        var now = DateTime.Now;
        await Assert.That((await backend.GetUsageReportForPeriodAsync([info.BackendId], now.Year - 1, now.Month, Token)).Resources).IsEmpty();
        await Assert.ThrowsExactlyAsync<BackendException>(() => backend.GetUsageReportForPeriodAsync([info.BackendId], now.Year, 13, Token));
    }

    [Test]
    public async Task PauseAndRestore_SwapTheAccountQos()
    {
        await using var scope = new ClusterScope();
        var paused = scope.Prefix + "paused";
        var setup = scope.Backend();
        await setup.Client.CreateQosAsync(paused, new QosSpec(string.Empty, null, null, null, null, null), Token);
        var backend = scope.Backend(o => o with { QosPaused = paused });
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        await Assert.That(await backend.PauseResourceAsync(info.BackendId, Token)).IsTrue();
        await Assert.That((await SlurmCluster.AccountRowAsync(info.BackendId))![4]).IsEqualTo(paused);
        await Assert.That((await backend.GetResourceMetadataAsync(info.BackendId, Token))["qos"]).IsEqualTo(paused);
        await Assert.That(await backend.DownscaleResourceAsync(info.BackendId, Token)).IsFalse();

        await Assert.That(await backend.RestoreResourceAsync(info.BackendId, Token)).IsTrue();
        await Assert.That((await SlurmCluster.AccountRowAsync(info.BackendId))![4]).IsEqualTo("normal");
        await Assert.That(await backend.RestoreResourceAsync(info.BackendId, Token)).IsFalse();
        await Assert.That((await backend.GetResourceMetadataAsync(info.BackendId, Token))["qos"]).IsEqualTo("normal");
    }

    [Test]
    public async Task Quirk_QosSwapConflictsWithDefaultQos_PauseSetsTheDefaultToo()
    {
        await using var scope = new ClusterScope();
        var paused = scope.Prefix + "paused";
        var setup = scope.Backend();
        await setup.Client.CreateQosAsync(paused, new QosSpec(string.Empty, null, null, null, null, null), Token);
        var backend = scope.Backend(o => o with
        {
            QosPaused = paused,
            QosManagement = QosManagementOptions.Disabled with { Enabled = true, GrpTres = "cpu=2" },
        });
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        var created = (await SlurmCluster.AccountRowAsync(info.BackendId))!;
        await Assert.That(created[4]).IsEqualTo($"normal,{info.BackendId}");
        await Assert.That(created[5]).IsEqualTo(info.BackendId);

        await Assert.That(await backend.PauseResourceAsync(info.BackendId, Token)).IsTrue();

        var pausedRow = (await SlurmCluster.AccountRowAsync(info.BackendId))!;
        await Assert.That(pausedRow[4]).IsEqualTo(paused);
        await Assert.That(pausedRow[5]).IsEqualTo(paused);

        await Assert.That(await backend.RestoreResourceAsync(info.BackendId, Token)).IsTrue();
        var restored = (await SlurmCluster.AccountRowAsync(info.BackendId))!;
        await Assert.That(restored[4]).IsEqualTo($"normal,{info.BackendId}");
        await Assert.That(restored[5]).IsEqualTo(info.BackendId);
    }

    [Test]
    public async Task Quirk_DefaultQosConflictFromSlurm_IsAnError()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { QosManagement = QosManagementOptions.Disabled with { Enabled = true } });
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        // Without defaultqos= in the same command SLURM refuses the swap and still exits 0.
        var error = await Assert.ThrowsExactlyAsync<BackendException>(() => backend.Client.SetAccountQosAsync(info.BackendId, ["normal"], null, Token));

        await Assert.That(error!.Message).Contains("would lose access to their default QoS");
    }

    [Test]
    public async Task Quirk_PerAllocationQosKeyedByIdNotSlug_AndRemovedAfterTheAccount()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { QosManagement = QosManagementOptions.Disabled with { Enabled = true, MaxJobs = 5 } });
        var resource = scope.Resource("slug-a");
        // The retry loop gave this resource an id that differs from its slug.
        var id = scope.Id("proj-1-0");

        await backend.CreateResourceAsync(resource, id, UserContext.Empty, Token);

        await Assert.That(await backend.Client.QosExistsAsync(id, Token)).IsTrue();
        await Assert.That(await backend.Client.QosExistsAsync(scope.Id("slug-a"), Token)).IsFalse();
        await Assert.That((await SlurmCluster.AccountRowAsync(id))![5]).IsEqualTo(id);

        await backend.DeleteResourceAsync(resource with { BackendId = id }, "proj-1", Token);

        await Assert.That(await backend.Client.QosExistsAsync(id, Token)).IsFalse();
        await Assert.That(await SlurmCluster.AccountRowAsync(id)).IsNull();
    }

    [Test]
    public async Task Diagnostics_RealCluster_PassesAndAWrongClusterFails()
    {
        await using var scope = new ClusterScope();

        await Assert.That(await scope.Backend().PingAsync(Token)).IsTrue();
        await Assert.That(await scope.Backend().RunDiagnosticsAsync(Token)).IsTrue();
        await Assert.That(await scope.Backend(o => o with { ClusterName = "nosuchcluster" }).RunDiagnosticsAsync(Token)).IsFalse();
        await Assert.That(scope.Backend().ClusterName).IsEqualTo(scope.Cluster);
        await Assert.That(await scope.Backend(o => o with { SlurmBinPath = "/nonexistent" }).PingAsync(Token)).IsFalse();
    }

    [Test]
    public async Task Quirk_ActiveJobsQuery_ListsOnlyJobsThatAreActiveNow()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend();
        var info = await backend.CreateResourceAsync(scope.Resource("jobs", limits: new() { ["cpu"] = 1000 }), scope.Id("jobs"), UserContext.Empty, Token);
        await backend.AddUsersAsync(scope.Resource("jobs") with { BackendId = info.BackendId }, ["root"], MembershipDetails.None, Token);
        var finished = await Jobs.SubmitAsync(info.BackendId, "true");
        await Jobs.WaitForStateAsync(finished, "COMPLETED");
        var running = await Jobs.SubmitAsync(info.BackendId, "sleep 300");
        await Jobs.WaitForStateAsync(running, "RUNNING");

        await Assert.That(await backend.Client.ListActiveJobsAsync(info.BackendId, "root", Token)).IsEquivalentTo([running], CollectionOrdering.Matching);

        await backend.Client.CancelJobsAsync(info.BackendId, "root", Token);
        await Jobs.WaitForStateAsync(running, "CANCELLED");
    }
}
