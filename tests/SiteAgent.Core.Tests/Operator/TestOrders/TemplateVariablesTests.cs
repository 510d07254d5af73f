using System.Text.Json;
using System.Text.Json.Nodes;
using SiteAgent.Core.Operator.TestOrders;

namespace SiteAgent.Core.Tests.Operator.TestOrders;

public class TemplateVariablesTests
{
    [Test]
    [Arguments("cpu=2000", JsonValueKind.Number, "2000")]
    [Arguments("ratio=-1.5", JsonValueKind.Number, "-1.5")]
    [Arguments("flag=true", JsonValueKind.True, "true")]
    [Arguments("flag=false", JsonValueKind.False, "false")]
    [Arguments("attributes={\"qos\": \"high\"}", JsonValueKind.Object, "{\"qos\":\"high\"}")]
    [Arguments("list=[1, 2]", JsonValueKind.Array, "[1,2]")]
    [Arguments("quoted=\"007\"", JsonValueKind.String, "\"007\"")]
    [Arguments("name=alloc-1", JsonValueKind.String, "\"alloc-1\"")]
    [Arguments("version=1.2.3", JsonValueKind.String, "\"1.2.3\"")]
    [Arguments("date=2024-01-01", JsonValueKind.String, "\"2024-01-01\"")]
    [Arguments("broken={not json", JsonValueKind.String, "\"{not json\"")]
    [Arguments("dash=-", JsonValueKind.String, "\"-\"")]
    [Arguments("equation=a=b", JsonValueKind.String, "\"a=b\"")]
    [Arguments("empty=", JsonValueKind.String, "\"\"")]
    public async Task Values_AreJsonWhenTheyLookLikeJsonElseText(string entry, JsonValueKind kind, string json)
    {
        var (key, value) = TemplateVariables.Parse([entry]).Single();

        await Assert.That(key).IsEqualTo(entry[..entry.IndexOf('=')]);
        await Assert.That(value!.GetValueKind()).IsEqualTo(kind);
        await Assert.That(value.ToJsonString()).IsEqualTo(json);
    }

    [Test]
    public async Task Null_IsJsonNullAndALaterEntryWins()
    {
        var variables = TemplateVariables.Parse(["a=null", "b=1", "b=2"]);

        await Assert.That(variables.ContainsKey("a")).IsTrue();
        await Assert.That(variables["a"]).IsNull();
        await Assert.That(variables["b"]!.ToJsonString()).IsEqualTo("2");
    }

    [Test]
    [Arguments("no-equals-sign")]
    [Arguments("=value")]
    public async Task EntryWithoutKey_IsRejectedWithTheExpectedFormat(string entry)
    {
        var error = Assert.Throws<FormatException>(() => TemplateVariables.Parse([entry]));

        await Assert.That(error.Message).IsEqualTo($"Invalid variable format '{entry}'. Expected format: key=value");
    }

    [Test]
    public async Task NoEntries_NoVariables()
    {
        await Assert.That(TemplateVariables.Parse(null)).IsEmpty();
        await Assert.That(TemplateVariables.ParseValue("x")).IsTypeOf<JsonValue>();
    }
}
