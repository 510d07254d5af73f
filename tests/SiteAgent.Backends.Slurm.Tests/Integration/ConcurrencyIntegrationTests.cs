using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Integration;

/// <summary>The reason for the write lock: concurrent account creation from two processes.</summary>
public class ConcurrencyIntegrationTests
{
    [Test]
    public async Task TwoProcessesCreating20AccountsEach_LeaveTheTreeIntact()
    {
        await using var scope = new ClusterScope();
        using var dir = new TempDirectory();
        var parent = scope.Prefix + "parent";
        await scope.Backend().Client.CreateAccountAsync(parent, "concurrency parent", parent, "root", TestContext.Current!.Execution.CancellationToken);
        var go = Path.Combine(dir.Path, "go");
        // The same host-wide lock file the in-process backends of the other tests use.
        var lockFile = SacctmgrWriteLock.ResolvePath(null, Environment.GetEnvironmentVariable(SacctmgrWriteLock.EnvironmentVariable));

        var first = Helper.Start("create-accounts", lockFile, scope.Cluster, parent, scope.Prefix + "a", "20", go);
        var second = Helper.Start("create-accounts", lockFile, scope.Cluster, parent, scope.Prefix + "b", "20", go);
        await Task.Delay(500, TestContext.Current!.Execution.CancellationToken);
        await File.WriteAllTextAsync(go, "go", TestContext.Current!.Execution.CancellationToken);
        await Helper.FinishAsync(first);
        await Helper.FinishAsync(second);

        // Association reads still work (a corrupted tree makes slurmdbd fail them) and every account sits under the parent.
        var rows = (await SlurmCluster.SacctmgrAsync("show", "association", $"cluster={scope.Cluster}", "format=Account,ParentName,User"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split('|'))
            .ToArray();
        await Assert.That(rows).Contains(r => r[0] == "root" && r[2].Length == 0);
        var children = rows.Where(r => r[1] == parent && r[2].Length == 0).Select(r => r[0]).Order().ToArray();
        var expected = Enumerable.Range(0, 20).SelectMany(i => new[] { $"{scope.Prefix}a{i}", $"{scope.Prefix}b{i}" }).Order().ToArray();
        await Assert.That(expected.Except(children)).IsEmpty();
        await Assert.That(children.Except(expected)).IsEmpty();
        var listed = await scope.Backend().Client.ListChildAccountsAsync(parent, TestContext.Current!.Execution.CancellationToken);
        await Assert.That(listed.Count).IsEqualTo(expected.Length);
    }

    [Test]
    public async Task TerminateRacingACreateUnderTheSameProject_NeverRemovesTheNewAllocation()
    {
        // Terminating the last allocation of a project removes the project when nothing else lives under
        // it, and SLURM removes a parent with its whole sub-tree. Another agent process creates an
        // allocation under the same project right after the terminating one looked for children.
        await using var scope = new ClusterScope();
        var project = scope.Prefix + "proj-1";
        var creator = scope.Backend();
        var first = await creator.CreateResourceAsync(scope.Resource("alloc-1"), scope.Id("alloc-1"), UserContext.Empty, TestContext.Current!.Execution.CancellationToken);
        Task<BackendResourceInfo>? create = null;
        var interleaving = new InterleavingRunner(
            new ProcessCommandRunner(),
            command => command.Arguments.Contains("withsubaccounts") && command.Arguments.Contains($"account={project}"),
            async () =>
            {
                // The other process's create: given a few seconds, it runs unless the terminating agent holds the write lock.
                create = Task.Run(() => creator.CreateResourceAsync(scope.Resource("alloc-2"), scope.Id("alloc-2"), UserContext.Empty, CancellationToken.None));
                await Task.WhenAny(create, Task.Delay(TimeSpan.FromSeconds(10)));
            });
        var terminator = scope.Backend(runner: interleaving);

        await terminator.DeleteResourceAsync(scope.Resource("alloc-1") with { BackendId = first.BackendId }, "proj-1", TestContext.Current!.Execution.CancellationToken);
        await Assert.That(create is not null).IsTrue().Because("the interleaved create never started");
        var second = await create!;

        await Assert.That(await SlurmCluster.AccountRowAsync(first.BackendId)).IsNull();
        await Assert.That((await SlurmCluster.AccountRowAsync(second.BackendId))?[1]).IsEqualTo(project);
        await Assert.That((await SlurmCluster.AccountRowAsync(project))?[1]).IsEqualTo(scope.Prefix + "org-a");
    }
}
