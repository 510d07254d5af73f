using SiteAgent.Waldur.Emulator.Scenario;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>Scenario files: the README demo, JSON scenarios and the errors an admin sees for a bad file.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public async Task Demo_LoadsOfferingProjectUsersAndOrders()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        emulator.Read(s =>
        {
            var offering = Assert.Single(s.Offerings);
            Assert.Equal("rocket", offering.BackendId);
            Assert.Equal(["cpu", "mem"], offering.Components.Select(c => c.Type));
            Assert.Equal(("k-Hours", 60000L), (offering.Components[0].MeasuredUnit, offering.Components[0].UnitFactor!.Value));
            Assert.Equal(["alice", "bob"], s.OfferingUsers.Where(u => u.State == OfferingUserStates.Ok).Select(u => u.Username));
            Assert.Equal(2, s.Orders.Count(o => o.State == OrderStates.PendingProvider && o.Type == OrderTypes.Create));
            Assert.Single(s.Orders, o => o.State == OrderStates.Executing);
            Assert.All(s.Resources, r => Assert.Equal(ResourceStates.Creating, r.State));
            Assert.Equal(2, s.FindProject("climate")!.Members.Count);
            Assert.Equal("site-agent", s.Tokens[Ids.Token].Username);
            return 0;
        });
    }

    [Fact]
    public void JsonScenario_SeedsLikeYaml()
    {
        var state = new EmulatorState(TimeProvider.System);
        state.AddBuiltInRoles();

        ScenarioSeeder.Seed(state, ScenarioDocument.Parse("""
            {"customers": [{"name": "Acme"}], "projects": [{"name": "P 1", "customer": "acme"}],
             "offerings": [{"name": "HPC", "customer": "Acme", "components": [{"type": "node", "billing_type": "usage"}]}],
             "resources": [{"name": "r1", "offering": "hpc", "project": "p-1", "limits": {"node": 3}}]}
            """, yaml: null), "inline.json");

        Assert.Equal(3, state.Resources.Single().Limits["node"]);
        Assert.Equal(ResourceStates.Ok, state.Resources.Single().State);
    }

    [Fact]
    public void UnknownKey_NamesPathAndSuggestsTheKey()
    {
        var error = Assert.Throws<ScenarioException>(() => Seed("offerings:\n  - name: X\n    customer: c\n    compnents: []\n"));

        Assert.Equal("bad.yaml: offerings[0].compnents: unknown key (typo? did you mean \"components\")", error.Message);
    }

    [Fact]
    public void DanglingReference_NamesTheKey()
    {
        var error = Assert.Throws<ScenarioException>(() => Seed("projects:\n  - name: P\n    customer: nobody\n"));

        Assert.Equal("bad.yaml: projects[0].customer: \"nobody\" does not match any customer defined so far", error.Message);
    }

    [Fact]
    public void YamlSyntaxError_NamesLineAndColumn()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse("users:\n  - username: [unclosed\n", yaml: true, "bad.yaml"));

        Assert.StartsWith("bad.yaml: line ", error.Message);
    }

    [Fact]
    public async Task AdminPost_WithReset_ReplacesState()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var content = new StringContent("customers:\n  - name: Fresh\n", System.Text.Encoding.UTF8, "application/yaml");

        var response = await emulator.Client.PostAsync("/__admin/scenario?reset=true", content, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["Fresh"], emulator.Read(s => s.Customers.Select(c => c.Name).ToList()));
        Assert.Empty(emulator.Read(s => s.Orders.ToList()));
    }

    private static void Seed(string yaml)
    {
        var state = new EmulatorState(TimeProvider.System);
        state.AddBuiltInRoles();
        ScenarioSeeder.Seed(state, ScenarioDocument.Parse(yaml, yaml: true, "bad.yaml"), "bad.yaml");
    }
}
