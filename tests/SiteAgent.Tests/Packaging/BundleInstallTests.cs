using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>
/// The air-gapped bundle's install.sh, run into a temporary root: the packages' layout, the chosen
/// unit set, an existing config kept on a second run, and a refusal to install a tampered bundle.
/// (packaging/check-release.sh also installs it into a Debian bullseye chroot and runs the agent there.)
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class BundleInstallTests(PackagesFixture packages) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agent-bundle-").FullName;

    [Fact]
    public async Task Install_IntoTemporaryRoot_PackagesLayoutAndAWorkingBinary()
    {
        PackagesFixture.RequireTools();
        var (installer, root) = await UnpackAsync();

        var install = await ProcessRunner.RunAsync("sh", [installer, "--root", root, "--unit-set", "legacy"]);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal("755", await ModeAsync(root, "usr/bin/waldur-site-agent"));
        Assert.Equal("waldur-site-agent", new FileInfo(Path.Combine(root, "usr/bin/waldur_site_diagnostics")).LinkTarget);
        Assert.Equal("700", await ModeAsync(root, "etc/waldur"));
        Assert.Equal("600", await ModeAsync(root, "etc/waldur/waldur-site-agent-config.yaml"));
        Assert.Equal("750", await ModeAsync(root, "var/lib/waldur-site-agent"));
        Assert.Contains("Environment=WALDUR_SITE_AGENT_LOG_FORMAT=systemd", await File.ReadAllTextAsync(Path.Combine(root, "usr/lib/systemd/system/waldur-site-agent@.service"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "usr/lib/systemd/system/waldur-agent-membership-sync.service")));
        Assert.True(File.Exists(Path.Combine(root, "etc/default/waldur-site-agent")));
        var diagnostics = await ProcessRunner.RunAsync(Path.Combine(root, "usr/bin/waldur_site_diagnostics"), ["--help"]);
        Assert.Contains("reference: waldur_site_diagnostics", diagnostics.Output, StringComparison.Ordinal);
        var validate = await ProcessRunner.RunAsync(Path.Combine(root, "usr/bin/waldur-site-agent"), ["-c", Path.Combine(root, "etc/waldur/waldur-site-agent-config.yaml"), "config", "validate"]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task InstallAgain_EditedConfig_KeptAndUnitsReplaced()
    {
        PackagesFixture.RequireTools();
        var (installer, root) = await UnpackAsync();
        Directory.CreateDirectory(Path.Combine(root, "etc/sysconfig"));
        Assert.Equal(0, (await ProcessRunner.RunAsync("sh", [installer, "--root", root, "--unit-set", "legacy"])).ExitCode);
        var config = Path.Combine(root, "etc/waldur/waldur-site-agent-config.yaml");
        await File.AppendAllTextAsync(config, "# edited by the site admin\n", TestContext.Current.CancellationToken);

        var again = await ProcessRunner.RunAsync("sh", [installer, "--root", root]);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("kept the existing", again.Output, StringComparison.Ordinal);
        Assert.EndsWith("# edited by the site admin\n", await File.ReadAllTextAsync(config, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // Into a root other than /, auto means the modern units; a RHEL-style root gets /etc/sysconfig.
        Assert.Contains("ProtectKernelTunables=yes", await File.ReadAllTextAsync(Path.Combine(root, "usr/lib/systemd/system/waldur-site-agent@.service"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "etc/sysconfig/waldur-site-agent")));
    }

    [Fact]
    public async Task Install_TamperedBinary_RefusedBeforeAnythingIsWritten()
    {
        PackagesFixture.RequireTools();
        var (installer, root) = await UnpackAsync();
        await File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(installer)!, "bin", "waldur-site-agent"), "x", TestContext.Current.CancellationToken);

        var install = await ProcessRunner.RunAsync("sh", [installer, "--root", root]);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("does not match its SHA256SUMS", install.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(string Installer, string Root)> UnpackAsync()
    {
        var unpacked = Directory.CreateDirectory(Path.Combine(_directory, Guid.NewGuid().ToString("N"))).FullName;
        var tar = await ProcessRunner.RunAsync("tar", ["-xzf", packages.Bundle, "-C", unpacked]);
        Assert.True(tar.ExitCode == 0, tar.ToString());
        var root = Directory.CreateDirectory(Path.Combine(unpacked, "root")).FullName;
        var bundle = Directory.GetDirectories(unpacked).Single(d => d != root);
        return (Path.Combine(bundle, "install.sh"), root);
    }

    private static async Task<string> ModeAsync(string root, string path) =>
        (await ProcessRunner.RunAsync("stat", ["-c", "%a", Path.Combine(root, path)])).Output.Trim();
}
