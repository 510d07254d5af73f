using SiteAgent.Waldur.Emulator.Scenario;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>Scenario files: the README demo, JSON scenarios and the errors an admin sees for a bad file.</summary>
public sealed class ScenarioTests
{
    [Test]
    public async Task Demo_LoadsOfferingProjectUsersAndOrders()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        // Nothing else runs in this emulator now, so its state is read without the lock
        // (an awaited assertion cannot run under a lock).
        var s = emulator.Host.State;
        var offering = await Assert.That(s.Offerings).HasSingleItem();
        await Assert.That(offering.BackendId).IsEqualTo("rocket");
        await Assert.That(offering.Components.Select(c => c.Type)).IsEquivalentTo(["cpu", "mem"], CollectionOrdering.Matching);
        await Assert.That((offering.Components[0].MeasuredUnit, offering.Components[0].UnitFactor!.Value)).IsEqualTo(("k-Hours", 60000L));
        await Assert.That(s.OfferingUsers.Where(u => u.State == OfferingUserStates.Ok).Select(u => u.Username)).IsEquivalentTo<IEnumerable<string?>, string?>(["alice", "bob"], CollectionOrdering.Matching);
        await Assert.That(s.Orders.Count(o => o.State == OrderStates.PendingProvider && o.Type == OrderTypes.Create)).IsEqualTo(2);
        await Assert.That(s.Orders.Where(o => o.State == OrderStates.Executing)).HasSingleItem();
        foreach (var r in s.Resources) { await Assert.That(r.State).IsEqualTo(ResourceStates.Creating); }
        await Assert.That(s.FindProject("climate")!.Members.Count).IsEqualTo(2);
        await Assert.That(s.Tokens[Ids.Token].Username).IsEqualTo("site-agent");
    }

    [Test]
    public async Task JsonScenario_SeedsLikeYaml()
    {
        var state = new EmulatorState(TimeProvider.System);
        state.AddBuiltInRoles();

        ScenarioSeeder.Seed(state, ScenarioDocument.Parse("""
            {"customers": [{"name": "Acme"}], "projects": [{"name": "P 1", "customer": "acme"}],
             "offerings": [{"name": "HPC", "customer": "Acme", "components": [{"type": "node", "billing_type": "usage"}]}],
             "resources": [{"name": "r1", "offering": "hpc", "project": "p-1", "limits": {"node": 3}}]}
            """, yaml: null), "inline.json");

        await Assert.That(state.Resources.Single().Limits["node"]).IsEqualTo(3);
        await Assert.That(state.Resources.Single().State).IsEqualTo(ResourceStates.Ok);
    }

    [Test]
    public async Task UnknownKey_NamesPathAndSuggestsTheKey()
    {
        var error = Assert.ThrowsExactly<ScenarioException>(() => Seed("offerings:\n  - name: X\n    customer: c\n    compnents: []\n"));

        await Assert.That(error.Message).IsEqualTo("bad.yaml: offerings[0].compnents: unknown key (typo? did you mean \"components\")");
    }

    [Test]
    public async Task DanglingReference_NamesTheKey()
    {
        var error = Assert.ThrowsExactly<ScenarioException>(() => Seed("projects:\n  - name: P\n    customer: nobody\n"));

        await Assert.That(error.Message).IsEqualTo("bad.yaml: projects[0].customer: \"nobody\" does not match any customer defined so far");
    }

    [Test]
    public async Task YamlSyntaxError_NamesLineAndColumn()
    {
        var error = Assert.ThrowsExactly<ScenarioException>(() => ScenarioDocument.Parse("users:\n  - username: [unclosed\n", yaml: true, "bad.yaml"));

        await Assert.That(error.Message).StartsWith("bad.yaml: line ");
    }

    [Test]
    public async Task AdminPost_WithReset_ReplacesState()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var content = new StringContent("customers:\n  - name: Fresh\n", System.Text.Encoding.UTF8, "application/yaml");

        var response = await emulator.Client.PostAsync("/__admin/scenario?reset=true", content, TestContext.Current!.Execution.CancellationToken);

        await Assert.That((int)response.StatusCode).IsEqualTo(200);
        await Assert.That(emulator.Read(s => s.Customers.Select(c => c.Name).ToList())).IsEquivalentTo(["Fresh"], CollectionOrdering.Matching);
        await Assert.That(emulator.Read(s => s.Orders.ToList())).IsEmpty();
    }

    private static void Seed(string yaml)
    {
        var state = new EmulatorState(TimeProvider.System);
        state.AddBuiltInRoles();
        ScenarioSeeder.Seed(state, ScenarioDocument.Parse(yaml, yaml: true, "bad.yaml"), "bad.yaml");
    }
}
