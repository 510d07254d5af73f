using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using SiteAgent.Waldur.Operations;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>
/// Every operation of operations.md through the production client against the emulator, with the
/// contract observer validating request and response of each exchange against the schema.
/// </summary>
public sealed class OperationTests
{
    private static readonly Dictionary<string, ClientCase> Cases = new[]
    {
        OrderCases.All(), OfferingCases.All(), OfferingUserCases.All(), ProviderResourceCases.All(), ResourceCases.All(),
        UsageCases.All(), AgentCases.All(), ImportCases.All(), DirectoryCases.All(), FederationCases.All(),
    }.SelectMany(c => c).ToDictionary(c => c.OperationId);

    public static IEnumerable<string> OperationIds => Cases.Keys.Order();

    [Test]
    [MethodDataSource(nameof(OperationIds))]
    public async Task ClientMethod_AgainstEmulator_FollowsContractAndDecodes(string operationId)
    {
        await using var waldur = await EmulatedWaldur.StartAsync();

        await Cases[operationId].Run(waldur);

        var exchanges = waldur.Requests;
        await Assert.That(exchanges).IsNotEmpty();
        foreach (var e in exchanges)
        {
            await Assert.That(e.OperationId).IsEqualTo(operationId);
            await Assert.That(e.Status is >= 200 and <= 299).IsTrue().Because($"{e.Method} {e.Path}{e.Query} answered {e.Status}: {e.ResponseBody}");
        }
        waldur.AssertNoViolations();
    }

    [Test]
    public async Task Cases_ComparedWithCatalogueAndOperationsMd_AreTheSameSet()
    {
        var documented = DocumentedOperations.Ids();
        var catalogue = WaldurOperations.All.Select(o => o.Id).ToList();

        await Assert.That(documented.Count).IsEqualTo(88);
        await Assert.That(catalogue.Order()).IsEquivalentTo(documented.Order(), CollectionOrdering.Matching);
        await Assert.That(Cases.Keys.Order()).IsEquivalentTo(documented.Order(), CollectionOrdering.Matching);
    }

    [Test]
    public async Task Catalogue_SchemaOperations_MatchTheContractAndTheOthersAreThe81xOnes()
    {
        foreach (var operation in WaldurOperations.All)
        {
            var inContract = WaldurContract.Default.FindById(operation.Id);
            await Assert.That(inContract is not null).IsEqualTo(operation.InSchema);
            if (inContract is not null)
            {
                await Assert.That((operation.Method.Method, operation.PathTemplate)).IsEqualTo((inContract.Method, inContract.PathTemplate));
            }
        }

        await Assert.That(WaldurContract.Default.Operations.Count).IsEqualTo(83);
    }
}
