using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteAgent.Waldur.Contract;

/// <summary>Reads numbers from JSON values whether they were parsed (JsonElement) or built in memory (long, int, double…).</summary>
/// <remarks><c>JsonValue.TryGetValue&lt;decimal&gt;</c> fails on a value created from a <c>long</c>; this does not.</remarks>
public static class JsonNumbers
{
    /// <summary>The value as a decimal, if it is a JSON number.</summary>
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        if (v.TryGetValue<decimal>(out value)) return true;
        if (v.TryGetValue<long>(out var l)) { value = l; return true; }
        if (v.TryGetValue<int>(out var i)) { value = i; return true; }
        if (v.TryGetValue<double>(out var d) && !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28) { value = (decimal)d; return true; }
        if (v.TryGetValue<float>(out var f) && !float.IsNaN(f) && !float.IsInfinity(f)) { value = (decimal)f; return true; }
        return false;
    }

    /// <summary>The value as a long, if it is an integral JSON number in range.</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (!TryGetDecimal(node, out var d) || decimal.Truncate(d) != d || d < long.MinValue || d > long.MaxValue) return false;
        value = (long)d;
        return true;
    }
}
