using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteAgent.Waldur.Json;

/// <summary>
/// Integers as Waldur sometimes writes them: <c>10</c>, <c>10.0</c> or <c>"10"</c>. A value with
/// a real fraction is an error rather than silently truncated. Written as a JSON number.
/// </summary>
public sealed class LenientInt64Converter : JsonConverter<long>
{
    /// <inheritdoc />
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var exact))
        {
            return exact;
        }

        var value = WaldurDecimalConverter.ReadDecimal(ref reader)
            ?? throw new JsonException("Expected an integer, got an empty string.");
        if (value != decimal.Truncate(value) || value < long.MinValue || value > long.MaxValue)
        {
            throw new JsonException($"Expected an integer, got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (long)value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}

/// <summary>The 32-bit form of <see cref="LenientInt64Converter"/>.</summary>
public sealed class LenientInt32Converter : JsonConverter<int>
{
    private static readonly LenientInt64Converter Wide = new();

    /// <inheritdoc />
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Wide.Read(ref reader, typeof(long), options);
        return value is < int.MinValue or > int.MaxValue
            ? throw new JsonException($"Integer {value} is out of range.")
            : (int)value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
