using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>
/// The air-gapped bundle's install.sh, run into a temporary root: the packages' layout, the chosen
/// unit set, an existing config kept on a second run, and a refusal to install a tampered bundle.
/// (packaging/check-release.sh also installs it into a Debian bullseye chroot and runs the agent there.)
/// </summary>
[ClassDataSource<PackagesFixture>(Shared = SharedType.PerTestSession)]
[NotInParallel(PackagesFixture.Key)]
public sealed class BundleInstallTests(PackagesFixture packages) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agent-bundle-").FullName;

    [Test]
    public async Task Install_IntoTemporaryRoot_PackagesLayoutAndAWorkingBinary()
    {
        PackagesFixture.RequireTools();
        var (installer, root) = await UnpackAsync();

        var install = await ProcessRunner.RunAsync("sh", [installer, "--root", root, "--unit-set", "legacy"]);

        await Assert.That(install.ExitCode == 0).IsTrue().Because(install.ToString());
        await Assert.That(await ModeAsync(root, "usr/bin/waldur-site-agent")).IsEqualTo("755");
        await Assert.That(new FileInfo(Path.Combine(root, "usr/bin/waldur_site_diagnostics")).LinkTarget).IsEqualTo("waldur-site-agent");
        await Assert.That(await ModeAsync(root, "etc/waldur")).IsEqualTo("700");
        await Assert.That(await ModeAsync(root, "etc/waldur/waldur-site-agent-config.yaml")).IsEqualTo("600");
        await Assert.That(await ModeAsync(root, "var/lib/waldur-site-agent")).IsEqualTo("750");
        await Assert.That(await File.ReadAllTextAsync(Path.Combine(root, "usr/lib/systemd/system/waldur-site-agent@.service"), Token)).Contains("Environment=WALDUR_SITE_AGENT_LOG_FORMAT=systemd");
        await Assert.That(File.Exists(Path.Combine(root, "usr/lib/systemd/system/waldur-agent-membership-sync.service"))).IsTrue();
        await Assert.That(File.Exists(Path.Combine(root, "etc/default/waldur-site-agent"))).IsTrue();
        var diagnostics = await ProcessRunner.RunAsync(Path.Combine(root, "usr/bin/waldur_site_diagnostics"), ["--help"]);
        await Assert.That(diagnostics.Output).Contains("reference: waldur_site_diagnostics");
        var validate = await ProcessRunner.RunAsync(Path.Combine(root, "usr/bin/waldur-site-agent"), ["-c", Path.Combine(root, "etc/waldur/waldur-site-agent-config.yaml"), "config", "validate"]);
        await Assert.That(validate.ExitCode == 0).IsTrue().Because(validate.ToString());
    }

    [Test]
    public async Task InstallAgain_EditedConfig_KeptAndUnitsReplaced()
    {
        PackagesFixture.RequireTools();
        var (installer, root) = await UnpackAsync();
        Directory.CreateDirectory(Path.Combine(root, "etc/sysconfig"));
        await Assert.That((await ProcessRunner.RunAsync("sh", [installer, "--root", root, "--unit-set", "legacy"])).ExitCode).IsEqualTo(0);
        var config = Path.Combine(root, "etc/waldur/waldur-site-agent-config.yaml");
        await File.AppendAllTextAsync(config, "# edited by the site admin\n", Token);

        var again = await ProcessRunner.RunAsync("sh", [installer, "--root", root]);

        await Assert.That(again.ExitCode == 0).IsTrue().Because(again.ToString());
        await Assert.That(again.Output).Contains("kept the existing");
        await Assert.That(await File.ReadAllTextAsync(config, Token)).EndsWith("# edited by the site admin\n");
        // Into a root other than /, auto means the modern units; a RHEL-style root gets /etc/sysconfig.
        await Assert.That(await File.ReadAllTextAsync(Path.Combine(root, "usr/lib/systemd/system/waldur-site-agent@.service"), Token)).Contains("ProtectKernelTunables=yes");
        await Assert.That(File.Exists(Path.Combine(root, "etc/sysconfig/waldur-site-agent"))).IsTrue();
    }

    [Test]
    public async Task Install_TamperedBinary_RefusedBeforeAnythingIsWritten()
    {
        PackagesFixture.RequireTools();
        var (installer, root) = await UnpackAsync();
        await File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(installer)!, "bin", "waldur-site-agent"), "x", Token);

        var install = await ProcessRunner.RunAsync("sh", [installer, "--root", root]);

        await Assert.That(install.ExitCode).IsEqualTo(1);
        await Assert.That(install.Error).Contains("does not match its SHA256SUMS");
        await Assert.That(Directory.GetFileSystemEntries(root)).IsEmpty();
    }

    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(string Installer, string Root)> UnpackAsync()
    {
        var unpacked = Directory.CreateDirectory(Path.Combine(_directory, Guid.NewGuid().ToString("N"))).FullName;
        var tar = await ProcessRunner.RunAsync("tar", ["-xzf", packages.Bundle, "-C", unpacked]);
        await Assert.That(tar.ExitCode == 0).IsTrue().Because(tar.ToString());
        var root = Directory.CreateDirectory(Path.Combine(unpacked, "root")).FullName;
        var bundle = Directory.GetDirectories(unpacked).Single(d => d != root);
        return (Path.Combine(bundle, "install.sh"), root);
    }

    private static async Task<string> ModeAsync(string root, string path) =>
        (await ProcessRunner.RunAsync("stat", ["-c", "%a", Path.Combine(root, path)])).Output.Trim();
}
