using SiteAgent.Core.Config;

namespace SiteAgent.Core.Tests.Config;

public class AgentEnvironmentTests
{
    [Test]
    public async Task Read_NoVariables_GivesReferenceDefaults()
    {
        var (environment, problems) = AgentEnvironment.Read(_ => null);

        await Assert.That(problems).IsEmpty();
        await Assert.That(environment.OrderProcessPeriod).IsEqualTo(TimeSpan.FromMinutes(5));
        await Assert.That(environment.ReportPeriod).IsEqualTo(TimeSpan.FromMinutes(30));
        await Assert.That(environment.MembershipSyncPeriod).IsEqualTo(TimeSpan.FromMinutes(5));
        await Assert.That(environment.ReconciliationPeriod).IsEqualTo(TimeSpan.FromMinutes(60));
        await Assert.That(environment.HeartbeatPath).IsEqualTo("/tmp/waldur-site-agent-heartbeat");
    }

    [Test]
    public async Task Read_DecimalReportPeriod_IsAccepted()
    {
        // The reference parses the report period as an integer and fails at start-up on 2.5.
        var (environment, problems) = AgentEnvironment.Read(name => name == "WALDUR_SITE_AGENT_REPORT_PERIOD_MINUTES" ? "2.5" : null);

        await Assert.That(problems).IsEmpty();
        await Assert.That(environment.ReportPeriod).IsEqualTo(TimeSpan.FromSeconds(150));
    }

    [Test]
    [Arguments("five")]
    [Arguments("0")]
    [Arguments("-1")]
    public async Task Read_BadPeriod_NamesTheVariableAndValue(string value)
    {
        var (_, problems) = AgentEnvironment.Read(name => name == "WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES" ? value : null);

        await Assert.That((await Assert.That(problems).HasSingleItem())).IsEqualTo($"WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES={value}: expected a number of minutes greater than 0 (decimals allowed, e.g. 0.5)");
    }
}
