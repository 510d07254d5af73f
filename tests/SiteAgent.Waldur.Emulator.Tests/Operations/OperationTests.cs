using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Emulator.Routes;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>Every operation of operations.md, called over HTTP with a schema-valid request; the answer must follow the contract.</summary>
public sealed class OperationTests
{
    private static readonly Dictionary<string, OperationCase> Cases =
        MarketplaceCases.All().Concat(ResourceCases.All()).Concat(PlatformCases.All()).Concat(DirectoryCases.All()).ToDictionary(c => c.OperationId);

    public static IEnumerable<string> OperationIds => Cases.Keys.Order();

    [Test]
    [MethodDataSource(nameof(OperationIds))]
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

        await Assert.That(status == @case.Status).IsTrue().Because($"{operationId}: expected {@case.Status}, got {status}: {body?.ToJsonString()}");
        await Assert.That(emulator.Host.Requests[^1].OperationId).IsEqualTo(operationId);
        emulator.AssertNoViolations();
        if (@case.Check is { } check)
        {
            // The call has been answered and nothing else runs in this emulator, so the check may read
            // the state outside its lock (an awaited assertion cannot run under a lock).
            await check(body, emulator.Host.State);
        }
    }

    public static IEnumerable<string> GetOperationIds => Cases.Values.Where(c => c.Method == "GET").Select(c => c.OperationId).Order();

    [Test]
    [MethodDataSource(nameof(GetOperationIds))]
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

        await Assert.That(status).IsEqualTo(200);
        emulator.AssertNoViolations();
    }

    [Test]
    public async Task Cases_CoverEveryOperationOfOperationsMd()
    {
        var documented = DocumentedOperations.Ids();

        await Assert.That(documented.Count).IsEqualTo(88);
        await Assert.That(Cases.Keys.Order()).IsEquivalentTo(documented.Order(), CollectionOrdering.Matching);
    }

    [Test]
    public async Task Routes_ServeEveryDocumentedOperation_AndFlagThe81xOnes()
    {
        var routes = WaldurApi.Build().Routes;
        var inContract = WaldurContract.Default.Operations.Select(o => o.OperationId).ToHashSet();

        await Assert.That(routes.Select(r => r.OperationId).Order()).IsEquivalentTo(DocumentedOperations.Ids().Order(), CollectionOrdering.Matching);
        foreach (var route in routes)
        {
            await Assert.That(route.Since81).IsEqualTo(!inContract.Contains(route.OperationId));
            if (WaldurContract.Default.FindById(route.OperationId) is { } operation)
                await Assert.That((route.Method, route.Template)).IsEqualTo((operation.Method, operation.PathTemplate));
        }
    }
}
