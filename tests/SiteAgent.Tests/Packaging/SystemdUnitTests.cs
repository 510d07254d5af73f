using SiteAgent.Testing;

namespace SiteAgent.Tests.Packaging;

/// <summary>
/// The unit sets as render-units.sh makes them: the modern set passes systemd-analyze verify, the
/// legacy set uses only systemd 219's directives, and each reference unit name runs its mode and
/// conflicts with the template instance of that mode.
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agent-units-").FullName;

    [Test]
    public async Task LegacyUnits_EveryDirective_KnownToSystemd219()
    {
        var check = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "systemd", "check-legacy-units.sh")]);

        await Assert.That(check.ExitCode == 0).IsTrue().Because(check.ToString());
        await Assert.That(check.Output).Contains("legacy units: 5 files");
    }

    [Test]
    public async Task LegacyCheck_TheReferenceLegacyUnitsMistakes_Rejected()
    {
        // The reference agent's "legacy" unit: a relative ExecStart and StandardOutput=append: (systemd 240).
        var unit = Path.Combine(_directory, "agent-legacy.service");
        await File.WriteAllTextAsync(unit,
            "[Unit]\nDescription=x\n\n[Service]\nExecStart=waldur_site_agent -m order_process\n" +
            "StandardOutput=append:/var/log/waldur-site-agent-order-process.log\nProtectKernelTunables=yes\n\n[Install]\nWantedBy=multi-user.target\n",
            Token);

        var check = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "systemd", "check-legacy-units.sh"), unit]);

        await Assert.That(check.ExitCode).IsEqualTo(1);
        await Assert.That(check.Error).Contains("agent-legacy.service:5: ExecStart= needs an absolute path");
        await Assert.That(check.Error).Contains("agent-legacy.service:6: StandardOutput=append:");
        await Assert.That(check.Error).Contains("agent-legacy.service:7: ProtectKernelTunables= in [Service] is not a systemd 219 directive");
    }

    [Test]
    public async Task ModernUnits_SystemdAnalyzeVerify_Pass()
    {
        Skip.When(!File.Exists("/usr/bin/systemd-analyze") && Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1",
            "systemd-analyze is missing (tests/infra/install-packages.sh installs systemd)");
        var units = await RenderAsync();
        // systemd-analyze resolves ExecStart, so point the units at the binary under test.
        var verify = Path.Combine(_directory, "verify");
        Directory.CreateDirectory(verify);
        foreach (var unit in Directory.GetFiles(Path.Combine(units, "modern")))
        {
            var text = (await File.ReadAllTextAsync(unit, Token)).Replace("/usr/bin/waldur-site-agent", AgentBinary.Path, StringComparison.Ordinal);
            var name = Path.GetFileName(unit) == "waldur-site-agent@.service" ? "waldur-site-agent@order_process.service" : Path.GetFileName(unit);
            await File.WriteAllTextAsync(Path.Combine(verify, name), text, Token);
        }

        var result = await ProcessRunner.RunAsync("systemd-analyze", ["verify", "--man=no", .. Directory.GetFiles(verify)]);

        await Assert.That(result.ExitCode == 0 && !result.Error.Contains(verify, StringComparison.Ordinal)).IsTrue().Because(result.ToString());
    }

    [Test]
    [Arguments("modern", "waldur-agent-order-process", "order_process")]
    [Arguments("modern", "waldur-agent-report", "report")]
    [Arguments("modern", "waldur-agent-membership-sync", "membership_sync")]
    [Arguments("modern", "waldur-agent-event-process", "event_process")]
    [Arguments("legacy", "waldur-agent-order-process", "order_process")]
    [Arguments("legacy", "waldur-agent-event-process", "event_process")]
    public async Task ReferenceUnitName_RunsItsModeAndConflictsWithTheTemplateInstance(string set, string name, string mode)
    {
        var units = await RenderAsync();
        var template = await File.ReadAllTextAsync(Path.Combine(units, set, "waldur-site-agent@.service"), Token);

        var unit = await File.ReadAllTextAsync(Path.Combine(units, set, name + ".service"), Token);

        await Assert.That(unit).Contains($"ExecStart=/usr/bin/waldur-site-agent --mode {mode} --config-file /etc/waldur/waldur-site-agent-config.yaml\n");
        await Assert.That(unit).Contains($"[Unit]\nConflicts=waldur-site-agent@{mode}.service\n");
        await Assert.That(unit).DoesNotContain("%i");
        await Assert.That(unit).Contains("Type=notify\n");
        // Apart from the mode, the reference-named unit is the template.
        var body = template[template.IndexOf("[Unit]", StringComparison.Ordinal)..].Replace("%i", mode, StringComparison.Ordinal);
        await Assert.That(unit[unit.IndexOf("[Unit]", StringComparison.Ordinal)..].Replace($"Conflicts=waldur-site-agent@{mode}.service\n", "", StringComparison.Ordinal)).IsEqualTo(body);
    }

    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> RenderAsync()
    {
        var units = Path.Combine(_directory, "units");
        var render = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "systemd", "render-units.sh"), units]);
        await Assert.That(render.ExitCode == 0).IsTrue().Because(render.ToString());
        return units;
    }
}
