using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Json;

/// <summary>A <see cref="JsonException"/> as one readable line: what is wrong, and where.</summary>
/// <remarks>
/// The release binary is built with UseSystemResourceKeys, which keeps .NET's message texts out of it.
/// System.Text.Json's own errors then read like "TrailingCommaNotAllowedBeforeObjectEnd LineNumber: 0 |
/// BytePositionInLine: 8.", which tells an operator little. The exception still carries the line, byte
/// and path, so the text is rebuilt from those; the common keys get a sentence, the others their words.
/// Messages written by our own converters pass through with the path added.
/// </remarks>
public static partial class JsonErrorText
{
    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        ["ZeroDepthAtEnd"] = "the JSON ends before every object and array is closed",
        ["ExpectedEndAfterSingleJson"] = "more text follows the end of the JSON value",
        ["ExpectedJsonTokens"] = "there is no JSON value in the input",
        ["ExpectedStartOfValueNotFound"] = "a JSON value was expected",
        ["ExpectedStartOfPropertyNotFound"] = "a property name in double quotes was expected",
        ["ExpectedStartOfPropertyOrValueNotFound"] = "a property name or value was expected",
        ["ExpectedSeparatorAfterPropertyNameNotFound"] = "':' was expected after the property name",
        ["ExpectedEndOfDigitNotFound"] = "a number is malformed",
        ["EndOfStringNotFound"] = "a string is not closed",
        ["EndOfCommentNotFound"] = "a comment is not closed",
        ["TrailingCommaNotAllowedBeforeObjectEnd"] = "a trailing comma is not allowed before '}'",
        ["TrailingCommaNotAllowedBeforeArrayEnd"] = "a trailing comma is not allowed before ']'",
        ["InvalidCharacterWithinString"] = "a string holds a control character that must be escaped",
        ["InvalidEndOfJsonNonPrimitive"] = "the JSON ends in the middle of a value",
        ["DeserializeUnableToConvertValue"] = "the value cannot be converted to the expected type",
        ["JsonRequiredPropertiesMissing"] = "required properties are missing",
    };

    /// <summary>The error as a sentence with line, byte and path where the exception knows them.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var key = ResourceKey().Match(exception.Message);
        if (!key.Success)
        {
            var own = exception.Message.TrimEnd('.');
            return exception.Path is { Length: > 0 } path && !own.Contains(path, StringComparison.Ordinal) ? $"{own} (at {path})" : own;
        }

        var text = new StringBuilder(Sentences.GetValueOrDefault(key.Groups["key"].Value) ?? Words(key.Groups["key"].Value));
        var arguments = key.Groups["arguments"].Value.Trim().TrimEnd(',').Trim();
        if (arguments.Length > 0) text.Append(" (").Append(arguments).Append(')');
        if (exception.LineNumber is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $" at line {line + 1}");
            if (exception.BytePositionInLine is { } position) text.Append(CultureInfo.InvariantCulture, $", byte {position + 1}");
        }
        if (exception.Path is { Length: > 0 } where && where != "$") text.Append(" (at ").Append(where).Append(')');
        return text.ToString();
    }

    /// <summary>The message of any exception, with a <see cref="JsonException"/> described as <see cref="Describe(JsonException)"/> does.</summary>
    public static string MessageOf(Exception exception) =>
        exception is JsonException json ? Describe(json) : exception.Message;

    /// <summary>"ExpectedFalse" → "expected false".</summary>
    private static string Words(string key) => WordStart().Replace(key, " $0").Trim().ToLowerInvariant();

    // A resource key is one CamelCase word of two or more parts, then its arguments after a comma, then
    // the reader's position; our converters' messages are sentences and never look like this.
    [GeneratedRegex(@"^(?<key>[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?:,(?<arguments>.*?))?\s*(?:Path:|LineNumber:|\.?$)", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"(?<!^)[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex WordStart();
}
