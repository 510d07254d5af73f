using SiteAgent.Testing;
using TUnit.Core.Interfaces;

namespace SiteAgent.Tests.Packaging;

/// <summary>
/// The RPM, the DEB and the bundle built once (packaging/build-packages.sh, which also lints them)
/// around the agent binary under test, in two versions: the current one and an older one, to test
/// upgrades. Packaging only wraps the binary, so both versions hold the same binary. One instance
/// serves the whole test session: <c>[ClassDataSource&lt;PackagesFixture&gt;(Shared = SharedType.PerTestSession)]</c>.
/// </summary>
public sealed class PackagesFixture : IAsyncInitializer, IAsyncDisposable
{
    /// <summary>
    /// The <c>[NotInParallel]</c> key of the tests that use the packages: they run one after another
    /// (dpkg has one lock, and the DEB is installed machine-wide).
    /// </summary>
    public const string Key = "packages";

    /// <summary>The older package version the upgrade starts from.</summary>
    public const string OldVersion = "0.0.9";

    private static readonly string[] Tools = ["/usr/bin/rpmbuild", "/usr/bin/rpm", "/usr/bin/lintian", "/usr/bin/rpmlint", "/usr/bin/dpkg-buildpackage"];

    /// <summary>Where the packages are.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("agent-packages-").FullName;

    /// <summary>The version of the current packages (Directory.Build.props).</summary>
    public string Version { get; private set; } = "";

    /// <summary>The current RPM.</summary>
    public string Rpm => Path.Combine(Directory, $"waldur-site-agent-{Version}-1.x86_64.rpm");

    /// <summary>The current DEB.</summary>
    public string Deb => DebOf(Version);

    /// <summary>The older DEB.</summary>
    public string OldDeb => DebOf(OldVersion);

    /// <summary>The current bundle.</summary>
    public string Bundle => Path.Combine(Directory, $"waldur-site-agent-{Version}-linux-x64-test.tar.gz");

    /// <summary>What build-packages.sh printed (lint results included).</summary>
    public string BuildOutput { get; private set; } = "";

    /// <summary>Skips the test where the packaging tools are absent, and fails it in CI (WALDUR_AGENT_REQUIRE_SLURM=1).</summary>
    public static void RequireTools(bool root = false)
    {
        var missing = Tools.Where(t => !File.Exists(t)).ToList();
        if (root && Environment.UserName != "root")
        {
            missing.Add("root (dpkg -i)");
        }

        if (missing.Count > 0)
        {
            var reason = $"missing: {string.Join(", ", missing)} (tests/infra/install-packages.sh installs the tools)";
            Skip.When(Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1", reason);
            Assert.Fail("packaging tests are required in CI; " + reason);
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (Tools.Any(t => !File.Exists(t)))
        {
            return;
        }

        var props = await File.ReadAllTextAsync(RepositoryPaths.Combine("Directory.Build.props"), CancellationToken.None);
        Version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        var binary = Path.GetDirectoryName(AgentBinary.Path)!;
        foreach (var (version, what) in new[] { (Version, new[] { "all" }), (OldVersion, new[] { "deb" }) })
        {
            var build = await ProcessRunner.RunAsync("bash",
                [RepositoryPaths.Combine("packaging", "build-packages.sh"), "--binary", binary, "--out", Directory, "--version", version, "--label", "test", .. what],
                timeout: TimeSpan.FromMinutes(6));
            BuildOutput += build.ToString();
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException("packaging/build-packages.sh failed:\n" + build);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string DebOf(string version) => Path.Combine(Directory, $"waldur-site-agent_{version}_amd64.deb");
}
