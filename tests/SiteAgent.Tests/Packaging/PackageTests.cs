using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>
/// The RPM, the DEB and the bundle hold the same layout, pass rpmlint and lintian (build-packages.sh
/// fails on any finding that is not overridden with its reason), and their scriptlets manage units
/// through units.sh without enabling or starting anything.
/// </summary>
[Collection(PackagesCollection.Name)]
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

    [Fact]
    public async Task Rpm_Layout_BinaryNamesUnitsConfigStateAndGhostUnitFiles()
    {
        PackagesFixture.RequireTools();

        var files = await ProcessRunner.RunAsync("rpm", ["-qlvp", packages.Rpm]);

        Assert.Equal(0, files.ExitCode);
        foreach (var path in SharedLayout.Append("/etc/sysconfig/waldur-site-agent").Append("/usr/lib/systemd/system/waldur-agent-report.service"))
        {
            Assert.Contains(path, files.Output, StringComparison.Ordinal);
        }

        Assert.Matches(@"(?m)^-rw------- .* root +root .* /etc/waldur/waldur-site-agent-config\.yaml$", files.Output);
        Assert.Matches(@"(?m)^drwx------ .* /etc/waldur$", files.Output);
        Assert.Contains("rpmlint", packages.BuildOutput, StringComparison.Ordinal);
        Assert.Contains("0 errors, 0 warnings", packages.BuildOutput, StringComparison.Ordinal);
        var config = await ProcessRunner.RunAsync("rpm", ["-qcp", packages.Rpm]);
        Assert.Contains("/etc/waldur/waldur-site-agent-config.yaml", config.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rpm_Scriptlets_InstallTheUnitSetReloadRestartOnlyRunningNeverEnableOrStart()
    {
        PackagesFixture.RequireTools();

        var scripts = await ProcessRunner.RunAsync("rpm", ["-qp", "--scripts", packages.Rpm]);

        Assert.Equal(0, scripts.ExitCode);
        Assert.Contains("units.sh install /usr/share/waldur-site-agent/systemd /usr/lib/systemd/system", scripts.Output, StringComparison.Ordinal);
        Assert.Contains("units.sh restart-running", scripts.Output, StringComparison.Ordinal);
        Assert.Contains("units.sh stop-running", scripts.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"systemctl (start|restart|enable)", scripts.Output);
    }

    [Fact]
    public async Task Deb_Layout_SameAsRpmWithConffilesAndModes()
    {
        PackagesFixture.RequireTools();

        var files = await ProcessRunner.RunAsync("dpkg-deb", ["-c", packages.Deb]);
        var conffiles = await ProcessRunner.RunAsync("dpkg-deb", ["--info", packages.Deb, "conffiles"]);
        var depends = await ProcessRunner.RunAsync("dpkg-deb", ["-f", packages.Deb, "Depends"]);

        foreach (var path in SharedLayout.Append("/etc/default/waldur-site-agent"))
        {
            Assert.Contains("." + path, files.Output, StringComparison.Ordinal);
        }

        Assert.Matches(@"(?m)^-rw------- root/root .* \./etc/waldur/waldur-site-agent-config\.yaml$", files.Output);
        Assert.Matches(@"(?m)^drwxr-x--- root/root .* \./var/lib/waldur-site-agent/$", files.Output);
        Assert.Contains("/etc/waldur/waldur-site-agent-config.yaml", conffiles.Output, StringComparison.Ordinal);
        Assert.Equal("libc6 (>= 2.17)", depends.Output.Trim());
        Assert.DoesNotContain("./lib/systemd/system/", files.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_Contents_BinaryUnitsConfigReadmeChecksumsInstaller()
    {
        PackagesFixture.RequireTools();

        var listing = await ProcessRunner.RunAsync("tar", ["-tzvf", packages.Bundle]);

        Assert.Equal(0, listing.ExitCode);
        foreach (var path in new[]
                 {
                     "bin/waldur-site-agent", "install.sh", "README.md", "SHA256SUMS", "etc/waldur-site-agent-config.yaml",
                     "systemd/modern/waldur-site-agent@.service", "systemd/legacy/waldur-site-agent@.service",
                     "systemd/modern/waldur-agent-membership-sync.service", "systemd/units.sh", "share/reference-commands.txt",
                 })
        {
            Assert.Contains("/" + path, listing.Output, StringComparison.Ordinal);
        }

        Assert.Matches(@"(?m)^-rwxr-xr-x 0/0 .*/bin/waldur-site-agent$", listing.Output);
        Assert.True(File.Exists(packages.Bundle.Replace(".tar.gz", ".dbg", StringComparison.Ordinal)), "debug symbols are published beside the bundle");
    }
}
