using System.IO;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>The RPM and DEB packages build from rpm.spec and debian/, pass lintian and systemd-analyze, and hold a working binary.</summary>
public class PackageTests
{
    [Test]
    public async Task BuildPackages_BothFormats_InstallTheBinaryTheUnitAndTheReferenceNames()
    {
        if (!File.Exists("/usr/bin/rpmbuild") || !File.Exists("/usr/bin/lintian") || !File.Exists("/usr/bin/dpkg-buildpackage"))
        {
            Skip.When(Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1", "rpmbuild, lintian or dpkg-buildpackage is missing (tests/infra/install-packages.sh installs them)");
            Assert.Fail("packaging tools are required in CI but missing");
        }

        var build = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "build-packages.sh")],
            new Dictionary<string, string?> { ["WALDUR_SITE_AGENT_BIN"] = AgentBinary.Path }, timeout: TimeSpan.FromMinutes(6));

        await Assert.That(build.ExitCode == 0).IsTrue().Because(build.ToString());
        await Assert.That(build.Output).Contains("unit: systemd-analyze verify passed");
        var packages = RepositoryPaths.Combine("artifacts", "packages");
        var deb = Directory.GetFiles(packages, "waldur-site-agent_*_amd64.deb").Single();
        var rpm = Directory.GetFiles(packages, "waldur-site-agent-*.x86_64.rpm").Single();

        var root = Directory.CreateTempSubdirectory("agent-deb-").FullName;
        try
        {
            await Assert.That((await ProcessRunner.RunAsync("dpkg-deb", ["-x", deb, root])).ExitCode).IsEqualTo(0);
            var version = await ProcessRunner.RunAsync(Path.Combine(root, "usr", "bin", "waldur-site-agent"), ["--version"]);
            await Assert.That(version.Output).StartsWith("waldur-site-agent ");
            var legacy = await ProcessRunner.RunAsync(Path.Combine(root, "usr", "bin", "waldur_site_diagnostics"), ["--help"]);
            await Assert.That(legacy.Output).Contains("reference: waldur_site_diagnostics");
            await Assert.That(File.Exists(Path.Combine(root, "lib", "systemd", "system", "waldur-site-agent@.service"))).IsTrue();
            await Assert.That(File.GetUnixFileMode(Path.Combine(root, "etc", "waldur"))).IsEqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        var files = await ProcessRunner.RunAsync("rpm", ["-qlp", rpm]);
        await Assert.That(files.Output).Contains("/usr/lib/systemd/system/waldur-site-agent@.service");
        await Assert.That(files.Output).Contains("/usr/bin/waldur_sync_resource_limits");
        await Assert.That(files.Output).Contains("/var/lib/waldur-site-agent");
    }
}
