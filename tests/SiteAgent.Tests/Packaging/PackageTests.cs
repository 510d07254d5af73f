using System.IO;
using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>
/// The RPM, the DEB and the bundle hold the same layout, pass rpmlint and lintian (build-packages.sh
/// fails on any finding that is not overridden with its reason), and their scriptlets manage units
/// through units.sh without enabling or starting anything.
/// </summary>
[ClassDataSource<PackagesFixture>(Shared = SharedType.PerTestSession)]
[NotInParallel(PackagesFixture.Key)]
public class PackageTests(PackagesFixture packages)
{
    private static readonly string[] SharedLayout =
    [
        "/usr/bin/waldur-site-agent",
        "/usr/bin/waldur_site_agent",
        "/usr/bin/waldur_site_diagnostics",
        "/usr/bin/waldur_sync_resource_limits",
        "/etc/waldur/waldur-site-agent-config.yaml",
        "/var/lib/waldur-site-agent",
        "/usr/share/waldur-site-agent/systemd/units.sh",
        "/usr/share/waldur-site-agent/systemd/modern/waldur-site-agent@.service",
        "/usr/share/waldur-site-agent/systemd/modern/waldur-agent-order-process.service",
        "/usr/share/waldur-site-agent/systemd/legacy/waldur-site-agent@.service",
        "/usr/share/waldur-site-agent/systemd/legacy/waldur-agent-event-process.service",
    ];

    [Test]
    public async Task Rpm_Layout_BinaryNamesUnitsConfigStateAndGhostUnitFiles()
    {
        PackagesFixture.RequireTools();

        var files = await ProcessRunner.RunAsync("rpm", ["-qlvp", packages.Rpm]);

        await Assert.That(files.ExitCode).IsEqualTo(0);
        foreach (var path in SharedLayout.Append("/etc/sysconfig/waldur-site-agent").Append("/usr/lib/systemd/system/waldur-agent-report.service"))
        {
            await Assert.That(files.Output).Contains(path);
        }

        await Assert.That(files.Output).Matches(@"(?m)^-rw------- .* root +root .* /etc/waldur/waldur-site-agent-config\.yaml$");
        await Assert.That(files.Output).Matches(@"(?m)^drwx------ .* /etc/waldur$");
        await Assert.That(packages.BuildOutput).Contains("rpmlint");
        await Assert.That(packages.BuildOutput).Contains("0 errors, 0 warnings");
        var config = await ProcessRunner.RunAsync("rpm", ["-qcp", packages.Rpm]);
        await Assert.That(config.Output).Contains("/etc/waldur/waldur-site-agent-config.yaml");
    }

    [Test]
    public async Task Rpm_Scriptlets_InstallTheUnitSetReloadRestartOnlyRunningNeverEnableOrStart()
    {
        PackagesFixture.RequireTools();

        var scripts = await ProcessRunner.RunAsync("rpm", ["-qp", "--scripts", packages.Rpm]);

        await Assert.That(scripts.ExitCode).IsEqualTo(0);
        await Assert.That(scripts.Output).Contains("units.sh install /usr/share/waldur-site-agent/systemd /usr/lib/systemd/system");
        await Assert.That(scripts.Output).Contains("units.sh restart-running");
        await Assert.That(scripts.Output).Contains("units.sh stop-running");
        await Assert.That(scripts.Output).DoesNotMatch(@"systemctl (start|restart|enable)");
    }

    [Test]
    public async Task Deb_Layout_SameAsRpmWithConffilesAndModes()
    {
        PackagesFixture.RequireTools();

        var files = await ProcessRunner.RunAsync("dpkg-deb", ["-c", packages.Deb]);
        var conffiles = await ProcessRunner.RunAsync("dpkg-deb", ["--info", packages.Deb, "conffiles"]);
        var depends = await ProcessRunner.RunAsync("dpkg-deb", ["-f", packages.Deb, "Depends"]);

        foreach (var path in SharedLayout.Append("/etc/default/waldur-site-agent"))
        {
            await Assert.That(files.Output).Contains("." + path);
        }

        await Assert.That(files.Output).Matches(@"(?m)^-rw------- root/root .* \./etc/waldur/waldur-site-agent-config\.yaml$");
        await Assert.That(files.Output).Matches(@"(?m)^drwxr-x--- root/root .* \./var/lib/waldur-site-agent/$");
        await Assert.That(conffiles.Output).Contains("/etc/waldur/waldur-site-agent-config.yaml");
        await Assert.That(depends.Output.Trim()).IsEqualTo("libc6 (>= 2.17)");
        await Assert.That(files.Output).DoesNotContain("./lib/systemd/system/");
    }

    [Test]
    public async Task Bundle_Contents_BinaryUnitsConfigReadmeChecksumsInstaller()
    {
        PackagesFixture.RequireTools();

        var listing = await ProcessRunner.RunAsync("tar", ["-tzvf", packages.Bundle]);

        await Assert.That(listing.ExitCode).IsEqualTo(0);
        foreach (var path in new[]
                 {
                     "bin/waldur-site-agent", "install.sh", "README.md", "SHA256SUMS", "etc/waldur-site-agent-config.yaml",
                     "systemd/modern/waldur-site-agent@.service", "systemd/legacy/waldur-site-agent@.service",
                     "systemd/modern/waldur-agent-membership-sync.service", "systemd/units.sh", "share/reference-commands.txt",
                 })
        {
            await Assert.That(listing.Output).Contains("/" + path);
        }

        await Assert.That(listing.Output).Matches(@"(?m)^-rwxr-xr-x 0/0 .*/bin/waldur-site-agent$");
        await Assert.That(File.Exists(packages.Bundle.Replace(".tar.gz", ".dbg", StringComparison.Ordinal))).IsTrue().Because("debug symbols are published beside the bundle");
    }
}
