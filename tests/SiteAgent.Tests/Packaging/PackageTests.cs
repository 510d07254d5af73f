using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>The RPM and DEB packages build from rpm.spec and debian/, pass lintian and systemd-analyze, and hold a working binary.</summary>
public class PackageTests
{
    [Fact]
    public async Task BuildPackages_BothFormats_InstallTheBinaryTheUnitAndTheReferenceNames()
    {
        if (!File.Exists("/usr/bin/rpmbuild") || !File.Exists("/usr/bin/lintian") || !File.Exists("/usr/bin/dpkg-buildpackage"))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1",
                "rpmbuild, lintian or dpkg-buildpackage is missing (tests/infra/install-packages.sh installs them)");
            Assert.Fail("packaging tools are required in CI but missing");
        }

        var build = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "build-packages.sh")],
            new Dictionary<string, string?> { ["WALDUR_SITE_AGENT_BIN"] = AgentBinary.Path }, timeout: TimeSpan.FromMinutes(6));

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("unit: systemd-analyze verify passed", build.Output, StringComparison.Ordinal);
        var packages = RepositoryPaths.Combine("artifacts", "packages");
        var deb = Directory.GetFiles(packages, "waldur-site-agent_*_amd64.deb").Single();
        var rpm = Directory.GetFiles(packages, "waldur-site-agent-*.x86_64.rpm").Single();

        var root = Directory.CreateTempSubdirectory("agent-deb-").FullName;
        try
        {
            Assert.Equal(0, (await ProcessRunner.RunAsync("dpkg-deb", ["-x", deb, root])).ExitCode);
            var version = await ProcessRunner.RunAsync(Path.Combine(root, "usr", "bin", "waldur-site-agent"), ["--version"]);
            Assert.StartsWith("waldur-site-agent ", version.Output, StringComparison.Ordinal);
            var legacy = await ProcessRunner.RunAsync(Path.Combine(root, "usr", "bin", "waldur_site_diagnostics"), ["--help"]);
            Assert.Contains("reference: waldur_site_diagnostics", legacy.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(root, "lib", "systemd", "system", "waldur-site-agent@.service")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.Combine(root, "etc", "waldur")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        var files = await ProcessRunner.RunAsync("rpm", ["-qlp", rpm]);
        Assert.Contains("/usr/lib/systemd/system/waldur-site-agent@.service", files.Output, StringComparison.Ordinal);
        Assert.Contains("/usr/bin/waldur_sync_resource_limits", files.Output, StringComparison.Ordinal);
        Assert.Contains("/var/lib/waldur-site-agent", files.Output, StringComparison.Ordinal);
    }
}
