using SiteAgent.Testing;

namespace SiteAgent.Backends.Slurm.Tests.Policy;

/// <summary>
/// Every sacctmgr write of tests, tools, scripts and benchmarks goes through the one helper that takes
/// the agent's host-wide lock: SlurmTestCluster (C#) or tests/infra/slurm/sacctmgr-write.sh (scripts).
/// One unlocked writer is enough to corrupt slurmdbd 22.05's association tree for everyone.
/// </summary>
public class SacctmgrWritePolicyTests
{
    /// <summary>Where writes may be started: the two helpers, and the agent's client (which runs them under the lock).</summary>
    private static readonly string[] Allowed =
    [
        "tests/SiteAgent.Testing/SlurmTestCluster.cs",
        "tests/infra/slurm/sacctmgr-write.sh",
        "src/Backends/SiteAgent.Backends.Slurm/SlurmClient.cs",
        "src/Backends/SiteAgent.Backends.Slurm/SlurmClient.Accounts.cs",
        "src/Backends/SiteAgent.Backends.Slurm/SlurmClient.Qos.cs",
        "src/Backends/SiteAgent.Backends.Slurm/SlurmClient.Users.cs",
    ];

    private static readonly string[] Scanned = ["tests", "examples", "packaging", "debian", ".ci", "src", "rpm.spec"];

    private static readonly string[] Skipped = ["bin", "obj", "artifacts", ".git", "Samples", "TestResults", "BenchmarkDotNet.Artifacts"];

    [Test]
    public async Task Repository_StartsSacctmgrWritesOnlyThroughTheLockedHelpers()
    {
        var files = Scanned.SelectMany(Files).ToList();
        var sites = files.SelectMany(Scan).Where(site => !Allowed.Contains(site.File)).ToList();

        await Assert.That(files.Count(f => f.EndsWith(".cs", StringComparison.Ordinal)) > 200).IsTrue().Because($"only {files.Count} files scanned; is the walk broken?");
        await Assert.That(files).Contains("tests/infra/slurm/up.sh");
        await Assert.That(sites.Count == 0).IsTrue().Because("sacctmgr writes outside the locked helpers (use SlurmTestCluster.WriteAsync in C#, tests/infra/slurm/sacctmgr-write.sh in scripts):\n"
            + string.Join('\n', sites));
    }

    [Test]
    [Arguments("unlocked-remove-in-a-test.cs.txt", 6)]
    [Arguments("lock-taken-by-hand-in-the-bench.cs.txt", 11)]
    [Arguments("through-a-shell-in-a-test.cs.txt", 5)]
    [Arguments("unlocked-loop-in-demo.sh.txt", 3)]
    [Arguments("unlocked-registration-in-up.sh.txt", 6)]
    [Arguments("continued-line-in-a-ci-step.sh.txt", 3)]
    public async Task Scanner_FindsAnUnlockedWrite(string sample, int line)
    {
        var site = await Assert.That(Scan(Sample(sample))).HasSingleItem();

        await Assert.That(site.Line).IsEqualTo(line);
    }

    [Test]
    [Arguments("reads-data-and-the-helper.cs.txt")]
    [Arguments("reads-and-the-helper.sh.txt")]
    public async Task Scanner_LeavesReadsDataAndTheHelpersAlone(string sample) =>
        await Assert.That(Scan(Sample(sample))).IsEmpty();

    private static string Sample(string name) => Path.Combine("tests", "SiteAgent.Backends.Slurm.Tests", "Policy", "Samples", name);

    private static IEnumerable<SacctmgrWriteSite> Scan(string relative)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(relative));
        var name = relative.EndsWith(".txt", StringComparison.Ordinal) ? relative[..^4] : relative;
        return name.EndsWith(".cs", StringComparison.Ordinal)
            ? SacctmgrWriteScanner.InCSharp(relative, text)
            : SacctmgrWriteScanner.InShell(relative, text);
    }

    /// <summary>C# and everything a shell runs: scripts by extension or by their #! line, CI steps, spec files.</summary>
    private static IEnumerable<string> Files(string top)
    {
        var root = RepositoryPaths.Root;
        var start = Path.Combine(root, top);
        var candidates = File.Exists(start)
            ? [start]
            : Directory.Exists(start) ? Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories) : [];
        return candidates
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(Skipped.Contains))
            .Where(path => IsCode(Path.Combine(root, path)));
    }

    private static bool IsCode(string path) => Path.GetExtension(path) switch
    {
        ".cs" or ".sh" or ".bash" or ".yml" or ".yaml" or ".spec" or ".awk" => true,
        "" => File.ReadLines(path).FirstOrDefault()?.StartsWith("#!", StringComparison.Ordinal) == true,
        _ => false,
    };
}
