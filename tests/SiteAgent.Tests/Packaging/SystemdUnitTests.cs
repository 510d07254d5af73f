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

    [Fact]
    public async Task LegacyUnits_EveryDirective_KnownToSystemd219()
    {
        var check = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "systemd", "check-legacy-units.sh")]);

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("legacy units: 5 files", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegacyCheck_TheReferenceLegacyUnitsMistakes_Rejected()
    {
        // The reference agent's "legacy" unit: a relative ExecStart and StandardOutput=append: (systemd 240).
        var unit = Path.Combine(_directory, "agent-legacy.service");
        await File.WriteAllTextAsync(unit,
            "[Unit]\nDescription=x\n\n[Service]\nExecStart=waldur_site_agent -m order_process\n" +
            "StandardOutput=append:/var/log/waldur-site-agent-order-process.log\nProtectKernelTunables=yes\n\n[Install]\nWantedBy=multi-user.target\n",
            TestContext.Current.CancellationToken);

        var check = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "systemd", "check-legacy-units.sh"), unit]);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("agent-legacy.service:5: ExecStart= needs an absolute path", check.Error, StringComparison.Ordinal);
        Assert.Contains("agent-legacy.service:6: StandardOutput=append:", check.Error, StringComparison.Ordinal);
        Assert.Contains("agent-legacy.service:7: ProtectKernelTunables= in [Service] is not a systemd 219 directive", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModernUnits_SystemdAnalyzeVerify_Pass()
    {
        Assert.SkipWhen(!File.Exists("/usr/bin/systemd-analyze") && Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_SLURM") != "1",
            "systemd-analyze is missing (tests/infra/install-packages.sh installs systemd)");
        var units = await RenderAsync();
        // systemd-analyze resolves ExecStart, so point the units at the binary under test.
        var verify = Path.Combine(_directory, "verify");
        Directory.CreateDirectory(verify);
        foreach (var unit in Directory.GetFiles(Path.Combine(units, "modern")))
        {
            var text = (await File.ReadAllTextAsync(unit, TestContext.Current.CancellationToken)).Replace("/usr/bin/waldur-site-agent", AgentBinary.Path, StringComparison.Ordinal);
            var name = Path.GetFileName(unit) == "waldur-site-agent@.service" ? "waldur-site-agent@order_process.service" : Path.GetFileName(unit);
            await File.WriteAllTextAsync(Path.Combine(verify, name), text, TestContext.Current.CancellationToken);
        }

        var result = await ProcessRunner.RunAsync("systemd-analyze", ["verify", "--man=no", .. Directory.GetFiles(verify)]);

        Assert.True(result.ExitCode == 0 && !result.Error.Contains(verify, StringComparison.Ordinal), result.ToString());
    }

    [Theory]
    [InlineData("modern", "waldur-agent-order-process", "order_process")]
    [InlineData("modern", "waldur-agent-report", "report")]
    [InlineData("modern", "waldur-agent-membership-sync", "membership_sync")]
    [InlineData("modern", "waldur-agent-event-process", "event_process")]
    [InlineData("legacy", "waldur-agent-order-process", "order_process")]
    [InlineData("legacy", "waldur-agent-event-process", "event_process")]
    public async Task ReferenceUnitName_RunsItsModeAndConflictsWithTheTemplateInstance(string set, string name, string mode)
    {
        var units = await RenderAsync();
        var template = await File.ReadAllTextAsync(Path.Combine(units, set, "waldur-site-agent@.service"), TestContext.Current.CancellationToken);

        var unit = await File.ReadAllTextAsync(Path.Combine(units, set, name + ".service"), TestContext.Current.CancellationToken);

        Assert.Contains($"ExecStart=/usr/bin/waldur-site-agent --mode {mode} --config-file /etc/waldur/waldur-site-agent-config.yaml\n", unit, StringComparison.Ordinal);
        Assert.Contains($"[Unit]\nConflicts=waldur-site-agent@{mode}.service\n", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("%i", unit, StringComparison.Ordinal);
        Assert.Contains("Type=notify\n", unit, StringComparison.Ordinal);
        // Apart from the mode, the reference-named unit is the template.
        var body = template[template.IndexOf("[Unit]", StringComparison.Ordinal)..].Replace("%i", mode, StringComparison.Ordinal);
        Assert.Equal(body, unit[unit.IndexOf("[Unit]", StringComparison.Ordinal)..].Replace($"Conflicts=waldur-site-agent@{mode}.service\n", "", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> RenderAsync()
    {
        var units = Path.Combine(_directory, "units");
        var render = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("packaging", "systemd", "render-units.sh"), units]);
        Assert.True(render.ExitCode == 0, render.ToString());
        return units;
    }
}
