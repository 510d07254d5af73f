using System.Text.Json.Nodes;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests.Operations;

/// <summary>One scripted call of one operation: a schema-valid request, the expected status and a semantic check.</summary>
/// <param name="OperationId">The operationId from operations.md.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query; <c>{name}</c> placeholders come from <see cref="Ids"/>-style values and <see cref="Arrange"/>.</param>
/// <param name="Body">JSON body text (with placeholders), or null to send none.</param>
/// <param name="Status">Expected status.</param>
/// <param name="Arrange">Prepares state under the lock and returns extra placeholders.</param>
/// <param name="Check">Asserts on the response body and the state afterwards.</param>
internal sealed record OperationCase(
    string OperationId,
    string Method,
    string Path,
    string? Body = null,
    int Status = 200,
    Func<EmulatorState, Dictionary<string, string>>? Arrange = null,
    Func<JsonNode?, EmulatorState, Task>? Check = null)
{
    /// <summary>Placeholders every case may use.</summary>
    public static Dictionary<string, string> CommonValues(EmulatorState state) => new()
    {
        ["O"] = Ids.Offering,
        ["P"] = Ids.Project,
        ["C"] = Ids.ConsumerCustomer,
        ["PC"] = Ids.ProviderCustomer,
        ["PL"] = Ids.Plan,
        ["R"] = Ids.Resource,
        ["CU"] = Ids.ComponentUsage,
        ["sp"] = state.ServiceProviders.First(p => p.Customer.Uuid == Ids.ProviderCustomer).Uuid,
        ["api"] = "http://127.0.0.1/api",
    };

    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values) text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        return text;
    }
}
