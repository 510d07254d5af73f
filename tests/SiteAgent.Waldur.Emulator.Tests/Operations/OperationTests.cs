using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Emulator.Routes;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>Every operation of operations.md, called over HTTP with a schema-valid request; the answer must follow the contract.</summary>
public sealed class OperationTests
{
    private static readonly Dictionary<string, OperationCase> Cases =
        MarketplaceCases.All().Concat(ResourceCases.All()).Concat(PlatformCases.All()).Concat(DirectoryCases.All()).ToDictionary(c => c.OperationId);

    public static TheoryData<string> OperationIds => new(Cases.Keys.Order());

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Operation_ValidRequest_AnswersPerContract(string operationId)
    {
        var @case = Cases[operationId];
        await using var emulator = await TestEmulator.StartAsync();
        var values = emulator.Read(s =>
        {
            var all = OperationCase.CommonValues(s);
            foreach (var (key, value) in @case.Arrange?.Invoke(s) ?? []) all[key] = value;
            return all;
        });

        var (status, body, _) = await emulator.SendAsync(@case.Method, OperationCase.Fill(@case.Path, values),
            @case.Body is null ? null : OperationCase.Fill(@case.Body, values));

        Assert.True(status == @case.Status, $"{operationId}: expected {@case.Status}, got {status}: {body?.ToJsonString()}");
        Assert.Equal(operationId, emulator.Host.Requests[^1].OperationId);
        emulator.AssertNoViolations();
        emulator.Read(s =>
        {
            @case.Check?.Invoke(body, s);
            return 0;
        });
    }

    public static TheoryData<string> GetOperationIds => new(Cases.Values.Where(c => c.Method == "GET").Select(c => c.OperationId).Order());

    [Theory]
    [MemberData(nameof(GetOperationIds))]
    public async Task GetOperation_WithoutFieldSelection_ReturnsFullContractValidObjects(string operationId)
    {
        var @case = Cases[operationId];
        await using var emulator = await TestEmulator.StartAsync();
        var values = emulator.Read(s =>
        {
            var all = OperationCase.CommonValues(s);
            foreach (var (key, value) in @case.Arrange?.Invoke(s) ?? []) all[key] = value;
            return all;
        });
        var path = OperationCase.Fill(@case.Path, values);
        var query = path.Contains('?') ? path[(path.IndexOf('?') + 1)..].Split('&').Where(p => !p.StartsWith("field=", StringComparison.Ordinal)) : [];
        var url = path.Split('?')[0] + (query.Any() ? "?" + string.Join("&", query) : "");

        var (status, _, _) = await emulator.GetAsync(url);

        Assert.Equal(200, status);
        emulator.AssertNoViolations();
    }

    [Fact]
    public void Cases_CoverEveryOperationOfOperationsMd()
    {
        var documented = DocumentedOperations.Ids();

        Assert.Equal(88, documented.Count);
        Assert.Equal(documented.Order(), Cases.Keys.Order());
    }

    [Fact]
    public void Routes_ServeEveryDocumentedOperation_AndFlagThe81xOnes()
    {
        var routes = WaldurApi.Build().Routes;
        var inContract = WaldurContract.Default.Operations.Select(o => o.OperationId).ToHashSet();

        Assert.Equal(DocumentedOperations.Ids().Order(), routes.Select(r => r.OperationId).Order());
        foreach (var route in routes)
        {
            Assert.Equal(!inContract.Contains(route.OperationId), route.Since81);
            if (WaldurContract.Default.FindById(route.OperationId) is { } operation)
                Assert.Equal((operation.Method, operation.PathTemplate), (route.Method, route.Template));
        }
    }
}
