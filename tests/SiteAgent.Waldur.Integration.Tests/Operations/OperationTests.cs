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

    public static TheoryData<string> OperationIds => new(Cases.Keys.Order());

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task ClientMethod_AgainstEmulator_FollowsContractAndDecodes(string operationId)
    {
        await using var waldur = await EmulatedWaldur.StartAsync();

        await Cases[operationId].Run(waldur);

        var exchanges = waldur.Requests;
        Assert.NotEmpty(exchanges);
        Assert.All(exchanges, e =>
        {
            Assert.Equal(operationId, e.OperationId);
            Assert.True(e.Status is >= 200 and <= 299, $"{e.Method} {e.Path}{e.Query} answered {e.Status}: {e.ResponseBody}");
        });
        waldur.AssertNoViolations();
    }

    [Fact]
    public void Cases_ComparedWithCatalogueAndOperationsMd_AreTheSameSet()
    {
        var documented = DocumentedOperations.Ids();
        var catalogue = WaldurOperations.All.Select(o => o.Id).ToList();

        Assert.Equal(88, documented.Count);
        Assert.Equal(documented.Order(), catalogue.Order());
        Assert.Equal(documented.Order(), Cases.Keys.Order());
    }

    [Fact]
    public void Catalogue_SchemaOperations_MatchTheContractAndTheOthersAreThe81xOnes()
    {
        foreach (var operation in WaldurOperations.All)
        {
            var inContract = WaldurContract.Default.FindById(operation.Id);
            Assert.Equal(operation.InSchema, inContract is not null);
            if (inContract is not null)
            {
                Assert.Equal((inContract.Method, inContract.PathTemplate), (operation.Method.Method, operation.PathTemplate));
            }
        }

        Assert.Equal(83, WaldurContract.Default.Operations.Count);
    }
}
