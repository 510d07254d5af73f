using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteAgent.Waldur.Json;

/// <summary>
/// Waldur's <c>format: decimal</c> values: read from a JSON string (<c>"100.0000"</c>) or number,
/// written as a string, never through <see cref="double"/>, so the scale and every digit survive.
/// </summary>
public sealed class WaldurDecimalConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadDecimal(ref reader) ?? throw new JsonException("Expected a decimal, got an empty string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads a number or numeric string; null for an empty string.</summary>
    internal static decimal? ReadDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDecimal(out var number):
                return number;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                break;
        }

        throw new JsonException($"Expected a decimal number or numeric string, got {WaldurGuidConverter.Describe(ref reader)}.");
    }
}

/// <summary>An optional Waldur decimal; null and <c>""</c> read as null.</summary>
public sealed class WaldurNullableDecimalConverter : JsonConverter<decimal?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : WaldurDecimalConverter.ReadDecimal(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is decimal number)
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>
/// Usage amounts sent to Waldur: the schema's pattern allows at most two decimal places
/// (<c>^-?\d{0,18}(?:\.\d{0,2})?$</c>), so the value is rounded half away from zero and written
/// as <c>"0.00"</c>, the form the reference agent sends.
/// </summary>
public sealed class WaldurUsageAmountConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WaldurDecimalConverter.ReadDecimal(ref reader) ?? throw new JsonException("Expected a usage amount, got an empty string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>The wire text of an amount: two decimal places, rounded half away from zero.</summary>
    public static string Format(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
