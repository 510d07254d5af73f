using System.Text.Json.Nodes;
using SiteAgent.Core.Operator.TestOrders;
using SiteAgent.Core.Operator.TestOrders.Templating;

namespace SiteAgent.Core.Tests.Operator.TestOrders;

public class OrderTemplateRendererTests
{
    private static string Render(string source, params (string Key, string Value)[] variables) =>
        OrderTemplateRenderer.Render("t.json", source, TemplateVariables.Parse(variables.Select(v => $"{v.Key}={v.Value}")));

    private static TemplateException RenderFails(string source) =>
        Assert.Throws<TemplateException>(() => OrderTemplateRenderer.Render("dir/t.json", source, new Dictionary<string, JsonNode?>()));

    [Test]
    public async Task Variables_AreSubstitutedStringsRawOtherValuesAsJson()
    {
        var text = Render("{{ name }} {{ count }} {{ flag }} {{ nothing }} {{ obj }}",
            ("name", "alloc-1"), ("count", "2000"), ("flag", "true"), ("nothing", "null"), ("obj", """{"a": [1, "x"]}"""));

        await Assert.That(text).IsEqualTo("""alloc-1 2000 true null {"a":[1,"x"]}""");
    }

    [Test]
    public async Task UndefinedVariable_IsAnErrorNamingTemplateLineAndVariable()
    {
        var error = RenderFails("{\n  \"a\": 1,\n  \"offering\": \"{{ offering_uuid }}\"\n}");

        await Assert.That(error.Message).StartsWith("dir/t.json line 3: variable 'offering_uuid' is undefined");
        await Assert.That(error.Line).IsEqualTo(3);
        await Assert.That(error.Message).Contains("--var offering_uuid=VALUE");
    }

    [Test]
    public async Task UndefinedVariable_IsAnErrorInsideFiltersThatNeedAValue()
    {
        await Assert.That(RenderFails("{{ attrs | from_json }}").Message).Contains("variable 'attrs' is undefined");
        await Assert.That(RenderFails("{{ attrs | to_json }}").Message).Contains("variable 'attrs' is undefined");
        await Assert.That(RenderFails("{% if attrs %}x{% endif %}").Message).Contains("variable 'attrs' is undefined");
    }

    [Test]
    public async Task Default_ReplacesOnlyAnUndefinedValueAndNests()
    {
        await Assert.That(Render("{{ a | default('x') }}")).IsEqualTo("x");
        await Assert.That(Render("{{ a | default(1000) }}")).IsEqualTo("1000");
        await Assert.That(Render("{{ a | default('x') }}", ("a", "given"))).IsEqualTo("given");
        await Assert.That(Render("{{ a | default('x') }}", ("a", "null"))).IsEqualTo("null");
        await Assert.That(Render("{{ a | default(b | default(\"inner\")) }}")).IsEqualTo("inner");
        await Assert.That(Render("{{ a | default(b | default('inner')) }}", ("b", "outer"))).IsEqualTo("outer");
    }

    [Test]
    public async Task Uuid4_KeepsAGivenValueAndOtherwiseMakesAFreshUuidEachTime()
    {
        await Assert.That(Render("{{ id | uuid4 }}", ("id", "d629d5e4-5567-425d-a9cd-bdc1af67b32c"))).IsEqualTo("d629d5e4-5567-425d-a9cd-bdc1af67b32c");
        var generated = Render("{{ id | uuid4 }} {{ '' | uuid4() }}").Split(' ');

        await Assert.That(Guid.TryParse(generated[0], out _)).IsTrue();
        await Assert.That(Guid.TryParse(generated[1], out _)).IsTrue();
        await Assert.That(generated[0]).IsNotEqualTo(generated[1]);
        await Assert.That(Render("{{ id | uuid4 }}")).IsNotEqualTo(Render("{{ id | uuid4 }}"));
    }

    [Test]
    public async Task Timestamp_IsTheClockInIso8601UnlessGiven()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var text = OrderTemplateRenderer.Render("t.json", "{{ created | timestamp }}", new Dictionary<string, JsonNode?>(), clock);

        await Assert.That(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)).IsEqualTo(clock.GetUtcNow());
        await Assert.That(text).Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d$");
        await Assert.That(Render("{{ created | timestamp }}", ("created", "2024-01-01T00:00:00Z"))).IsEqualTo("2024-01-01T00:00:00Z");
    }

    [Test]
    public async Task FromJsonAndToJson_RoundTripTextAndAcceptAlreadyParsedValues()
    {
        await Assert.That(Render("{{ a | default('{}') | from_json | to_json }}")).IsEqualTo("{}");
        await Assert.That(Render("{{ a | from_json | to_json }}", ("a", """{"qos": "high"}"""))).IsEqualTo("""{"qos":"high"}""");
        await Assert.That(Render("{{ s | from_json }}", ("s", "\"[1,2]\""))).IsEqualTo("[1,2]");
        await Assert.That(Render("{{ s | to_json }}", ("s", "say \"hi\""))).IsEqualTo("\"say \\\"hi\\\"\"");
        await Assert.That(RenderFailsWith("{{ s | from_json }}", "s", "\"{oops\"")).Contains("dir/t.json line 1: from_json: '{oops' is not valid JSON");
    }

    [Test]
    public async Task IfBlocks_TestDefinedAndTruthAndHandleElifElse()
    {
        const string source = "{% if a is defined %}A{% elif b %}B{% else %}C{% endif %}|{% if a is not defined %}no-a{% endif %}|{% if not b is defined %}no-b{% endif %}";

        await Assert.That(Render(source, ("a", "1"))).IsEqualTo("A||no-b");
        await Assert.That(Render(source, ("b", "true"))).IsEqualTo("B|no-a|");
        await Assert.That(Render(source, ("b", "0"))).IsEqualTo("C|no-a|");
        await Assert.That(Render(source, ("b", ""))).IsEqualTo("C|no-a|");
    }

    [Test]
    public async Task Join_JoinsOnlyThePartsThatRendered()
    {
        const string source = "{\n  {% join \", \" %}\n  {% if a is defined %}\"a\": {{ a }}{% endif %}\n  {% if b is defined %}\"b\": {{ b }}{% endif %}\n  {% endjoin %}\n}";

        await Assert.That(Render(source, ("a", "1"), ("b", "2"))).IsEqualTo("{\n\"a\": 1, \"b\": 2}");
        await Assert.That(Render(source, ("b", "2"))).IsEqualTo("{\n\"b\": 2}");
        await Assert.That(JsonNode.Parse(Render(source))!.AsObject().Count).IsEqualTo(0);
    }

    [Test]
    public async Task BlockTagsOnTheirOwnLine_LeaveNoBlankLineAndCommentsVanish()
    {
        const string source = "{# header\n   comment #}\n[\n  {% if a is defined %}\n  1\n  {% endif %}\n]";

        await Assert.That(Render(source, ("a", "x"))).IsEqualTo("[\n  1\n]");
        await Assert.That(Render(source)).IsEqualTo("[\n]");
        await Assert.That(Render("a  {{- b -}}  c", ("b", "B"))).IsEqualTo("aBc");
    }

    [Test]
    [Arguments("{{ a ", "line 1: '{{' is never closed with '}}'")]
    [Arguments("x\n{% if a is defined %}", "line 2: '{% if %}' is never closed with '{% endif %}'")]
    [Arguments("{% endif %}", "line 1: '{% endif %}' without a matching opening tag")]
    [Arguments("\n\n{% for x in y %}", "line 3: unknown tag 'for' (available: if, elif, else, endif, join, endjoin)")]
    [Arguments("{{ a | upper }}", "line 1: unknown filter 'upper' (available: uuid4, timestamp, default(x), from_json, to_json)")]
    [Arguments("{{ a | default }}", "line 1: filter 'default' takes one argument, not 0")]
    [Arguments("{{ a b }}", "line 1: unexpected 'b' in 'a b'")]
    [Arguments("{{ 'open }}", "line 1: the string starting with ' in ''open' is never closed")]
    public async Task SyntaxErrors_NameTheTemplateAndLine(string source, string expected)
    {
        await Assert.That(RenderFails(source).Message).IsEqualTo("dir/t.json " + expected);
    }

    private static string RenderFailsWith(string source, string key, string value) =>
        Assert.Throws<TemplateException>(() => OrderTemplateRenderer.Render("dir/t.json", source, TemplateVariables.Parse([$"{key}={value}"]))).Message;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
