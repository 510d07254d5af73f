using System.Text.Json;
using System.Text.Json.Nodes;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Waldur.Tests;

public class JsonErrorTextTests
{
    // The release binary is built with UseSystemResourceKeys: System.Text.Json's messages are then its
    // resource keys, as below; these tests run on the full framework, so the keys are written out.
    [Test]
    [Arguments("TrailingCommaNotAllowedBeforeObjectEnd LineNumber: 0 | BytePositionInLine: 8.", null, 0L, 8L,
        "a trailing comma is not allowed before '}' at line 1, byte 9")]
    [Arguments("ZeroDepthAtEnd,  LineNumber: 0 | BytePositionInLine: 22.", null, 0L, 22L,
        "the JSON ends before every object and array is closed at line 1, byte 23")]
    [Arguments("DeserializeUnableToConvertValue, System.Int32 Path: $.count | LineNumber: 0 | BytePositionInLine: 12.", "$.count", 0L, 12L,
        "the value cannot be converted to the expected type (System.Int32) at line 1, byte 13 (at $.count)")]
    [Arguments("ExpectedFalse LineNumber: 2 | BytePositionInLine: 4.", "$", 2L, 4L, "expected false at line 3, byte 5")]
    [Arguments("NodeElementWrongType, Object", null, null, null, "node element wrong type (Object)")]
    public async Task ResourceKeys_BecomeWordsWithThePosition(string message, string? path, long? line, long? position, string expected)
    {
        await Assert.That(JsonErrorText.Describe(new JsonException(message, path, line, position))).IsEqualTo(expected);
    }

    [Test]
    public async Task OwnConverterMessages_PassThroughWithTheirPath()
    {
        var error = new JsonException("Expected a uuid (32 hex digits or dashed), got \"x\".", "$.uuid", 0, 10);
        await Assert.That(JsonErrorText.Describe(error)).IsEqualTo("Expected a uuid (32 hex digits or dashed), got \"x\" (at $.uuid)");
    }

    [Test]
    public async Task FullFrameworkMessages_PassThrough()
    {
        var error = Assert.Throws<JsonException>(() => JsonNode.Parse("""{"a": 1,}"""));
        await Assert.That(JsonErrorText.Describe(error)).IsEqualTo(error.Message.TrimEnd('.'));
    }

    [Test]
    public async Task MessageOf_DescribesJsonErrors_AndKeepsOtherMessages()
    {
        var json = new JsonException("ZeroDepthAtEnd,  LineNumber: 0 | BytePositionInLine: 22.", null, 0, 22);
        await Assert.That(JsonErrorText.MessageOf(json)).IsEqualTo(JsonErrorText.Describe(json));
        await Assert.That(JsonErrorText.MessageOf(new IOException("Permission denied"))).IsEqualTo("Permission denied");
    }
}
