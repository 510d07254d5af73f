using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Options;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

[Collection(JobsCollection.Name)]
public class UsageAndStatusIntegrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
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
        Assert.InRange(cpu, 0.05m, 0.5m);
        Assert.Equal(cpu, usage.Total["cpu"]);
        Assert.Equal(Math.Round(cpu / 2 * 100), usage.Total["mem"]);
        var now = DateTime.Now;
        Assert.Empty((await backend.GetUsageReportForPeriodAsync([info.BackendId], now.Year - 1, now.Month, Token)).Resources);
        await Assert.ThrowsAsync<BackendException>(() => backend.GetUsageReportForPeriodAsync([info.BackendId], now.Year, 13, Token));
    }

    [Fact]
    public async Task PauseAndRestore_SwapTheAccountQos()
    {
        await using var scope = new ClusterScope();
        var paused = scope.Prefix + "paused";
        var setup = scope.Backend();
        await setup.Client.CreateQosAsync(paused, new QosSpec(string.Empty, null, null, null, null, null), Token);
        var backend = scope.Backend(o => o with { QosPaused = paused });
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);
        var resource = scope.Resource("alloc-1") with { BackendId = info.BackendId };

        Assert.True(await backend.PauseResourceAsync(resource, Token));
        Assert.Equal(paused, (await SlurmCluster.AccountRowAsync(info.BackendId))![4]);
        Assert.Equal(paused, (await backend.GetResourceMetadataAsync(info.BackendId, Token))["qos"]);
        Assert.False(await backend.DownscaleResourceAsync(resource, Token));

        Assert.True(await backend.RestoreResourceAsync(resource, Token));
        Assert.Equal("normal", (await SlurmCluster.AccountRowAsync(info.BackendId))![4]);
        Assert.False(await backend.RestoreResourceAsync(resource, Token));
        Assert.Equal("normal", (await backend.GetResourceMetadataAsync(info.BackendId, Token))["qos"]);
    }

    [Fact]
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
        Assert.Equal($"normal,{info.BackendId}", created[4]);
        Assert.Equal(info.BackendId, created[5]);
        var resource = scope.Resource("alloc-1") with { BackendId = info.BackendId };

        Assert.True(await backend.PauseResourceAsync(resource, Token));

        var pausedRow = (await SlurmCluster.AccountRowAsync(info.BackendId))!;
        Assert.Equal(paused, pausedRow[4]);
        Assert.Equal(paused, pausedRow[5]);

        Assert.True(await backend.RestoreResourceAsync(resource, Token));
        var restored = (await SlurmCluster.AccountRowAsync(info.BackendId))!;
        Assert.Equal($"normal,{info.BackendId}", restored[4]);
        Assert.Equal(info.BackendId, restored[5]);
    }

    [Fact]
    public async Task Quirk_DefaultQosConflictFromSlurm_IsAnError()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { QosManagement = QosManagementOptions.Disabled with { Enabled = true } });
        var info = await backend.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, Token);

        // Without defaultqos= in the same command SLURM refuses the swap and still exits 0.
        var error = await Assert.ThrowsAsync<BackendException>(() => backend.Client.SetAccountQosAsync(info.BackendId, ["normal"], null, Token));

        Assert.Contains("would lose access to their default QoS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quirk_PerAllocationQosKeyedByIdNotSlug_AndRemovedAfterTheAccount()
    {
        await using var scope = new ClusterScope();
        var backend = scope.Backend(o => o with { QosManagement = QosManagementOptions.Disabled with { Enabled = true, MaxJobs = 5 } });
        var resource = scope.Resource("slug-a");
        // The retry loop gave this resource an id that differs from its slug.
        var id = scope.Id("proj-1-0");

        await backend.CreateResourceAsync(resource, id, UserContext.Empty, Token);

        Assert.True(await backend.Client.QosExistsAsync(id, Token));
        Assert.False(await backend.Client.QosExistsAsync(scope.Id("slug-a"), Token));
        Assert.Equal(id, (await SlurmCluster.AccountRowAsync(id))![5]);

        await backend.DeleteResourceAsync(resource with { BackendId = id }, "proj-1", Token);

        Assert.False(await backend.Client.QosExistsAsync(id, Token));
        Assert.Null(await SlurmCluster.AccountRowAsync(id));
    }

    [Fact]
    public async Task Diagnostics_RealCluster_PassesAndAWrongClusterFails()
    {
        await using var scope = new ClusterScope();

        Assert.True(await scope.Backend().PingAsync(Token));
        Assert.True(await scope.Backend().RunDiagnosticsAsync(Token));
        Assert.False(await scope.Backend(o => o with { ClusterName = "nosuchcluster" }).RunDiagnosticsAsync(Token));
        Assert.Equal(scope.Cluster, scope.Backend().ClusterName);
        Assert.False(await scope.Backend(o => o with { SlurmBinPath = "/nonexistent" }).PingAsync(Token));
    }

    [Fact]
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

        Assert.Equal([running], await backend.Client.ListActiveJobsAsync(info.BackendId, "root", Token));

        await backend.Client.CancelJobsAsync(info.BackendId, "root", Token);
        await Jobs.WaitForStateAsync(running, "CANCELLED");
    }
}
