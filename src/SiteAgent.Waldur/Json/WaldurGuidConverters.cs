using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteAgent.Waldur.Json;

/// <summary>
/// Reads a uuid in any form Waldur uses (32 hex digits, dashed, braced) and writes the dashed
/// RFC 4122 form that the schema's <c>format: uuid</c> names for request bodies.
/// </summary>
/// <remarks>URLs carry the 32-hex form instead; see <c>WaldurOperation.RelativePath</c>.</remarks>
public sealed class WaldurGuidConverter : JsonConverter<Guid>
{
    /// <inheritdoc />
    public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var value))
        {
            return value;
        }

        throw new JsonException($"Expected a uuid (32 hex digits or dashed), got {Describe(ref reader)}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("D"));

    internal static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"\"{Truncate(reader.GetString())}\"",
        JsonTokenType.Number => "a number",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}

/// <summary>An optional uuid: like <see cref="WaldurGuidConverter"/>, and an empty string reads as null.</summary>
/// <remarks>Waldur writes <c>""</c> for some unset uuid fields of older objects.</remarks>
public sealed class WaldurNullableGuidConverter : JsonConverter<Guid?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override Guid? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (Guid.TryParse(text, out var value))
            {
                return value;
            }
        }

        throw new JsonException($"Expected a uuid or null, got {WaldurGuidConverter.Describe(ref reader)}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Guid? value, JsonSerializerOptions options)
    {
        if (value is Guid guid)
        {
            writer.WriteStringValue(guid.ToString("D"));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
