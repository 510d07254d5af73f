using System.Net.Sockets;
using System.Text;
using SiteAgent.IntegrationTests.Infrastructure;
using SiteAgent.Testing;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// The AOT binary started as systemd starts a <c>Type=notify</c> unit with <c>WatchdogSec</c>: a
/// datagram socket in NOTIFY_SOCKET (abstract, as systemd uses) and WATCHDOG_USEC.
/// </summary>
public class SystemdNotifyTests
{
    [Test]
    public async Task UnderSystemd_ReadyThenWatchdogPingsThenStoppingOnSigterm()
    {
        var scenario = new TestScenario();
        await using var harness = await AgentHarness.StartAsync(scenario);
        var name = "@waldur-site-agent-test-" + Guid.NewGuid().ToString("N");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint("\0" + name[1..]));
        var environment = harness.AgentEnvironment();
        environment["NOTIFY_SOCKET"] = name;
        environment["WATCHDOG_USEC"] = "2000000";
        environment["WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES"] = "60";
        using var agent = RunningProcess.Start(AgentBinary.Path, ["-m", "order_process", "-c", harness.ConfigPath, "--log-format", "plain"], environment);
        var messages = new List<string>();

        // The watchdog interval is 2 s, so the agent ticks every second although its period is an hour.
        await Assert.That(await RunningProcess.WaitUntilAsync(() => Task.FromResult(Drain(systemd, messages).Count(m => m == "WATCHDOG=1") >= 4), TimeSpan.FromSeconds(60)))
            .IsTrue().Because($"messages: {string.Join(", ", messages)}\n{agent.Output}{agent.Error}");
        agent.Signal(15);
        var outcome = await agent.WaitAsync(TimeSpan.FromSeconds(30));
        Drain(systemd, messages);

        await Assert.That(outcome.ExitCode).IsEqualTo(0);
        await Assert.That(messages.Count(m => m == "READY=1")).IsEqualTo(1);
        await Assert.That(messages[^1]).IsEqualTo("STOPPING=1");
        await Assert.That(outcome.Output).Contains("Order cycle finished");
    }

    private static List<string> Drain(Socket socket, List<string> messages)
    {
        var buffer = new byte[4096];
        while (socket.Available > 0)
        {
            messages.Add(Encoding.ASCII.GetString(buffer, 0, socket.Receive(buffer)));
        }

        return messages;
    }
}
