using System.Text.RegularExpressions;
using SiteAgent.Backends.Slurm;
using SiteAgent.IntegrationTests.Infrastructure;

namespace SiteAgent.IntegrationTests;

/// <summary>
/// Names as users type them (hostile, long, non-ASCII) and long slugs never err an order: every order
/// reaches done with a safe account id of at most 42 characters and its team's users.
/// </summary>
public partial class NameTests
{
    public static IEnumerable<(string, string)> HostileNames =>
    [
        ("x\"; touch /tmp/pwned-by-name; echo \"", "quote and a shell command"),
        ("$(touch /tmp/pwned-by-name)", "command substitution"),
        ("`touch /tmp/pwned-by-name`", "backticks"),
        ("a | rm -rf / | b", "pipe"),
        ("name=evil parent=root description=\"x\" where", "sacctmgr options and keyword"),
        ("Line one\nline\ttwo\r\nthree", "newlines and tabs"),
        (string.Concat(Enumerable.Repeat("Very long resource name ", 13)).Trim()[..300], "300 characters"),
        ("Ресурс — データ", "non-ASCII only"),
    ];

    [Test]
    [MethodDataSource(nameof(HostileNames))]
    public async Task CreateOrder_HostileOrLongNames_ReachesDoneWithASafeAccountAndItsUsers(string name, string why)
    {
        // Waldur allows 500 characters in a project name and 150 in resource and customer names.
        var upTo150 = name.Length > 150 ? name[..150] : name;
        var scenario = new TestScenario(projectName: name, customerName: upTo150);
        var order = scenario.AddCreateOrder(upTo150, cpu: 2, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(why + "\n" + outcome);
        await Assert.That(await harness.OrderStateAsync(order) == "done").IsTrue().Because(why + ": " + await harness.OrderErrorAsync(order) + "\n" + outcome);
        var account = await AssertSafeAccountWithUsersAsync(harness, scenario, order, ProjectAccountId(scenario, scenario.ProjectSlug));
        var description = (await SlurmCluster.SacctmgrAsync("show", "account", account, "format=description")).Trim();
        await Assert.That(description).DoesNotContain("\"");
        await Assert.That(description).DoesNotContain("\n");
        await Assert.That(File.Exists("/tmp/pwned-by-name")).IsFalse().Because(why);
        harness.AssertNoContractViolations();
    }

    [Test]
    public async Task CreateOrders_TwoProjectsSharingTheirFirst60Characters_EachGetsItsOwnProjectAccount()
    {
        var common = "Computational fluid dynamics of turbulent flows in the upper ";
        var scenario = new TestScenario(projectName: common + "atmosphere");
        var second = scenario.AddProject(common + "ocean");
        var first = scenario.AddCreateOrder("First", cpu: 1, state: "executing");
        var other = scenario.AddCreateOrder("Second", cpu: 1, state: "executing", project: second);
        await using var harness = await AgentHarness.StartAsync(scenario);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        var firstProject = ProjectAccountId(scenario, scenario.ProjectSlug);
        var secondProject = ProjectAccountId(scenario, second);
        await Assert.That(secondProject).IsNotEqualTo(firstProject);
        await Assert.That(secondProject[..33]).IsEqualTo(firstProject[..33]);
        await AssertSafeAccountWithUsersAsync(harness, scenario, first, firstProject);
        await AssertSafeAccountWithUsersAsync(harness, scenario, other, secondProject);
    }

    [Test]
    public async Task CreateOrders_CustomerWith50CharacterSlug_PlainAndLongOrdersAreDone()
    {
        var scenario = new TestScenario(customerSlug: "a-customer-slug-of-fifty-characters-from-waldur-50");
        var plain = scenario.AddCreateOrder("Plain", cpu: 1, state: "executing");
        var longer = scenario.AddCreateOrder("A resource whose slug alone is forty characters", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        await Assert.That(scenario.CustomerSlug.Length).IsEqualTo(50);

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        var project = ProjectAccountId(scenario, scenario.ProjectSlug);
        await AssertSafeAccountWithUsersAsync(harness, scenario, plain, project);
        await AssertSafeAccountWithUsersAsync(harness, scenario, longer, project);
        var customer = SlurmNames.NewAccount(scenario.CustomerAccount, "customer");
        await Assert.That(customer.Length <= 42 && customer != scenario.CustomerAccount).IsTrue().Because(customer);
        await Assert.That((await SlurmCluster.AccountAsync(project))!.Parent).IsEqualTo(customer);
        await Assert.That((await SlurmCluster.AccountAsync(customer))!.Parent).IsEqualTo("root");
        await Assert.That(await SlurmCluster.AccountAsync(scenario.CustomerAccount)).IsNull();
    }

    [Test]
    public async Task CreateOrder_ProjectAccountMadeByTheReferenceUnderItsFullLongName_IsAdopted()
    {
        var scenario = new TestScenario(projectSlug: "a-long-project-slug-the-reference-agent-kept-whole");
        var order = scenario.AddCreateOrder("Adopted", cpu: 1, state: "executing");
        await using var harness = await AgentHarness.StartAsync(scenario);
        // The tree the reference agent left: customer, then the project account under its full 61-character name.
        await SlurmCluster.AddAccountAsync(scenario.CustomerAccount, "root");
        await SlurmCluster.AddAccountAsync(scenario.ProjectAccount, scenario.CustomerAccount);
        await Assert.That(scenario.ProjectAccount.Length > 42).IsTrue();

        var outcome = await harness.RunAgentOnceAsync();

        await Assert.That(outcome.ExitCode == 0).IsTrue().Because(outcome.ToString());
        await AssertSafeAccountWithUsersAsync(harness, scenario, order, scenario.ProjectAccount);
        await Assert.That(await SlurmCluster.AccountAsync(SlurmNames.Shorten(scenario.ProjectAccount))).IsNull();
    }

    /// <summary>The project account id the agent uses when it creates it: the generated id, shortened when long.</summary>
    private static string ProjectAccountId(TestScenario scenario, string projectSlug) =>
        SlurmNames.NewAccount(scenario.AccountPrefix + "p_" + projectSlug, "project");

    /// <summary>The order's resource has a safe id of at most 42 characters, under the project account, with both team members.</summary>
    private static async Task<string> AssertSafeAccountWithUsersAsync(AgentHarness harness, TestScenario scenario, Guid order, string projectAccount)
    {
        await Assert.That(await harness.OrderStateAsync(order) == "done").IsTrue().Because(await harness.OrderErrorAsync(order));
        var account = (await harness.ResourceAsync(await harness.OrderResourceAsync(order))).GetProperty("backend_id").GetString()!;
        await Assert.That(account).Matches(SafeId());
        await Assert.That(account.Length <= 42).IsTrue().Because(account);
        await Assert.That(account).StartsWith(scenario.AccountPrefix + "a_");
        var rows = await SlurmCluster.AssociationsAsync(account);
        var accountRow = await Assert.That(rows).HasSingleItem(r => r.User.Length == 0);
        await Assert.That(accountRow.Parent).IsEqualTo(projectAccount);
        await Assert.That(rows.Where(r => r.User.Length > 0).Select(r => r.User).Order()).IsEquivalentTo(scenario.Usernames.Order(), CollectionOrdering.Matching);
        return account;
    }

    [GeneratedRegex("^[a-z0-9_][a-z0-9_.-]*$")]
    private static partial Regex SafeId();
}
