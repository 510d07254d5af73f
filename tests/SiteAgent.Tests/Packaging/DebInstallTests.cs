using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>
/// The DEB installed on this machine with the real dpkg: the binary and the reference names work,
/// modes and owners are right, remove keeps the config and purge removes it; an upgrade keeps the
/// admin's edited config and restarts only the agent units that were running. This machine has no
/// systemd as PID 1, so the scriptlets must cope; for the upgrade a recording systemctl on PATH
/// plays a running systemd (its version, its running units) and records every call.
/// </summary>
[ClassDataSource<PackagesFixture>(Shared = SharedType.PerTestSession)]
[NotInParallel(PackagesFixture.Key)]
public sealed class DebInstallTests(PackagesFixture packages) : IDisposable
{
    private const string Config = "/etc/waldur/waldur-site-agent-config.yaml";
    private const string UnitDir = "/lib/systemd/system";
    private readonly string _systemd = Directory.CreateTempSubdirectory("agent-fake-systemd-").FullName;

    [Test]
    public async Task InstallRemovePurge_NoSystemdRunning_WorksAndKeepsConfigUntilPurge()
    {
        PackagesFixture.RequireTools(root: true);
        using var machine = await MachineLockAsync();
        await DpkgAsync(null, "--purge", "waldur-site-agent");

        await DpkgAsync(null, "-i", packages.Deb);

        var version = await ProcessRunner.RunAsync("/usr/bin/waldur-site-agent", ["--version"]);
        await Assert.That(version.Output).StartsWith("waldur-site-agent ");
        var legacy = await ProcessRunner.RunAsync("/usr/bin/waldur_site_diagnostics", ["--help"]);
        await Assert.That(legacy.Output).Contains("reference: waldur_site_diagnostics");
        await Assert.That(await StatAsync("/usr/bin/waldur-site-agent")).IsEqualTo("root:root 755");
        await Assert.That(await StatAsync("/etc/waldur")).IsEqualTo("root:root 700");
        await Assert.That(await StatAsync(Config)).IsEqualTo("root:root 600");
        await Assert.That(await StatAsync("/var/lib/waldur-site-agent")).IsEqualTo("root:root 750");
        await Assert.That(await StatAsync(UnitDir + "/waldur-site-agent@.service")).IsEqualTo("root:root 644");
        // This machine's systemctl reports systemd 252: the modern units.
        await Assert.That(await File.ReadAllTextAsync(UnitDir + "/waldur-site-agent@.service", Token))
            .IsEqualTo(await File.ReadAllTextAsync("/usr/share/waldur-site-agent/systemd/modern/waldur-site-agent@.service", Token));
        await Assert.That(File.Exists(UnitDir + "/waldur-agent-order-process.service")).IsTrue();

        await DpkgAsync(null, "--remove", "waldur-site-agent");
        await Assert.That(File.Exists(Config)).IsTrue().Because("remove keeps the config");
        await Assert.That(File.Exists("/usr/bin/waldur-site-agent")).IsFalse();
        await Assert.That(File.Exists(UnitDir + "/waldur-site-agent@.service")).IsFalse().Because("remove takes the units postinst installed");

        await DpkgAsync(null, "--purge", "waldur-site-agent");
        await Assert.That(File.Exists(Config)).IsFalse().Because("purge removes the config");
        await Assert.That(Directory.Exists("/var/lib/waldur-site-agent")).IsFalse().Because("purge removes the state directory");
    }

    [Test]
    public async Task Upgrade_EditedConfigAndRunningUnits_ConfigKeptOnlyRunningAgentUnitsRestarted()
    {
        PackagesFixture.RequireTools(root: true);
        using var machine = await MachineLockAsync();
        await DpkgAsync(null, "--purge", "waldur-site-agent");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(_systemd, "version"), "252", Token);
            await DpkgAsync(_systemd, "-i", packages.OldDeb);
            await Assert.That(await CallsAsync()).Contains("daemon-reload");
            await Assert.That(await CallsAsync()).DoesNotContain("try-restart");
            await File.AppendAllTextAsync(Config, "# edited by the site admin\n", Token);
            // Two agent units run (one under its reference name); one is enabled but stopped; cron is not ours.
            await File.WriteAllTextAsync(Path.Combine(_systemd, "running"),
                "cron.service loaded active running Regular background program processing daemon\n" +
                "waldur-site-agent@order_process.service loaded active running Waldur Site Agent (order_process mode)\n" +
                "waldur-agent-report.service loaded active running Waldur Site Agent (report mode)\n", Token);
            // The host now reports systemd 219 (as RHEL/CentOS 7 would): the upgrade installs the legacy units.
            await File.WriteAllTextAsync(Path.Combine(_systemd, "version"), "219", Token);
            File.Delete(Path.Combine(_systemd, "calls"));

            await DpkgAsync(_systemd, "-i", packages.Deb);

            await Assert.That(await File.ReadAllTextAsync(Config, Token)).EndsWith("# edited by the site admin\n");
            await Assert.That(await StatAsync(Config)).IsEqualTo("root:root 600");
            var calls = (await CallsAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            await Assert.That(calls).Contains("daemon-reload");
            await Assert.That(calls.Where(c => c.Contains("restart", StringComparison.Ordinal)))
                .IsEquivalentTo(["try-restart waldur-site-agent@order_process.service waldur-agent-report.service"], CollectionOrdering.Matching);
            await Assert.That(calls).DoesNotContain(c => c.StartsWith("start", StringComparison.Ordinal) || c.StartsWith("enable", StringComparison.Ordinal) || c.Contains("cron", StringComparison.Ordinal));
            await Assert.That(await File.ReadAllTextAsync(UnitDir + "/waldur-site-agent@.service", Token))
                .IsEqualTo(await File.ReadAllTextAsync("/usr/share/waldur-site-agent/systemd/legacy/waldur-site-agent@.service", Token));
            var version = await ProcessRunner.RunAsync("dpkg-query", ["-W", "-f=${Version}", "waldur-site-agent"]);
            await Assert.That(version.Output).IsEqualTo(packages.Version);

            File.Delete(Path.Combine(_systemd, "calls"));
            await DpkgAsync(_systemd, "--remove", "waldur-site-agent");
            await Assert.That(await CallsAsync()).Contains("stop waldur-site-agent@order_process.service waldur-agent-report.service");
        }
        finally
        {
            await DpkgAsync(null, "--purge", "waldur-site-agent");
        }
    }

    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    public void Dispose() => Directory.Delete(_systemd, recursive: true);

    /// <summary>Runs dpkg, with the recording systemctl first on PATH when <paramref name="fakeSystemd"/> is set.</summary>
    private async Task DpkgAsync(string? fakeSystemd, params string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        if (fakeSystemd is not null)
        {
            await WriteFakeSystemctlAsync(fakeSystemd);
            environment["PATH"] = fakeSystemd + ":" + Environment.GetEnvironmentVariable("PATH");
            environment["FAKE_SYSTEMD_STATE"] = fakeSystemd;
        }

        // apt or dpkg run by someone else on this machine holds dpkg's lock for a while: wait for it.
        for (var attempt = 1; ; attempt++)
        {
            var result = await ProcessRunner.RunAsync("dpkg", arguments, environment, timeout: TimeSpan.FromMinutes(3));
            if (result.ExitCode != 0 && attempt < 60 && result.Error.Contains("lock", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(5), Token);
                continue;
            }

            await Assert.That(result.ExitCode == 0).IsTrue().Because($"dpkg {string.Join(' ', arguments)}: {result}");
            return;
        }
    }

    /// <summary>
    /// The package is installed machine-wide, so two test runs on one machine (CI and a developer's)
    /// take turns: an exclusive lock on a file in /run, released when the test ends.
    /// </summary>
    private static async Task<FileStream> MachineLockAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream("/run/waldur-site-agent-package-tests.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), Token);
            }
        }
    }

    private static async Task WriteFakeSystemctlAsync(string directory)
    {
        var path = Path.Combine(directory, "systemctl");
        await File.WriteAllTextAsync(path, """
            #!/bin/sh
            # A recording stand-in for systemctl: a running systemd of the version in $FAKE_SYSTEMD_STATE/version
            # whose running units are listed in $FAKE_SYSTEMD_STATE/running. Every call is appended to calls.
            echo "$*" >>"$FAKE_SYSTEMD_STATE/calls"
            case "$1" in
              --version) echo "systemd $(cat "$FAKE_SYSTEMD_STATE/version") (fake)" ;;
              is-system-running) echo running ;;
              list-units) cat "$FAKE_SYSTEMD_STATE/running" 2>/dev/null ;;
            esac
            exit 0

            """, Token);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    private async Task<string> CallsAsync()
    {
        var calls = Path.Combine(_systemd, "calls");
        return File.Exists(calls) ? await File.ReadAllTextAsync(calls, Token) : "";
    }

    private static async Task<string> StatAsync(string path) =>
        (await ProcessRunner.RunAsync("stat", ["-c", "%U:%G %a", path])).Output.Trim();
}
