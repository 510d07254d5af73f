using SiteAgent.Core.Config;

namespace SiteAgent.Core.Tests.Config;

public class AgentEnvironmentTests
{
    [Fact]
    public void Read_NoVariables_GivesReferenceDefaults()
    {
        var (environment, problems) = AgentEnvironment.Read(_ => null);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromMinutes(5), environment.OrderProcessPeriod);
        Assert.Equal(TimeSpan.FromMinutes(30), environment.ReportPeriod);
        Assert.Equal(TimeSpan.FromMinutes(5), environment.MembershipSyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(60), environment.ReconciliationPeriod);
        Assert.Equal("/tmp/waldur-site-agent-heartbeat", environment.HeartbeatPath);
    }

    [Fact]
    public void Read_DecimalReportPeriod_IsAccepted()
    {
        // The reference parses the report period as an integer and fails at start-up on 2.5.
        var (environment, problems) = AgentEnvironment.Read(name => name == "WALDUR_SITE_AGENT_REPORT_PERIOD_MINUTES" ? "2.5" : null);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromSeconds(150), environment.ReportPeriod);
    }

    [Theory]
    [InlineData("five")]
    [InlineData("0")]
    [InlineData("-1")]
    public void Read_BadPeriod_NamesTheVariableAndValue(string value)
    {
        var (_, problems) = AgentEnvironment.Read(name => name == "WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES" ? value : null);

        Assert.Equal($"WALDUR_SITE_AGENT_ORDER_PROCESS_PERIOD_MINUTES={value}: expected a number of minutes greater than 0 (decimals allowed, e.g. 0.5)", Assert.Single(problems));
    }
}
