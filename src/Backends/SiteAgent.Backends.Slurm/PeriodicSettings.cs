using System.Globalization;
using System.Text.Json;

namespace SiteAgent.Backends.Slurm;

/// <summary>The keys of a periodic usage-policy command that SLURM acts on, validated.</summary>
/// <param name="Fairshare">New fairshare; null when absent or 0 (0 means "leave it").</param>
/// <param name="LimitType">The association limit the TRES values go to (<c>GrpTRESMins</c>, …); null when no limits are given.</param>
/// <param name="Limits">TRES → value, in the order Waldur sent them; empty when none.</param>
/// <param name="ResetRawUsage">Reset the account's raw usage (never diffed: a reset always runs).</param>
/// <param name="LimitsKey">The key the limits came under (<c>grp_tres_mins</c> or <c>max_tres_mins</c>); null when none.</param>
public sealed record PeriodicSettings(long? Fairshare, string? LimitType, IReadOnlyList<KeyValuePair<string, long>> Limits, bool ResetRawUsage, string? LimitsKey = null)
{
    /// <summary>Limit types a command may name; the configuration's default is one of the first three.</summary>
    public static readonly string[] LimitTypes = ["GrpTRESMins", "MaxTRESMins", "GrpTRES", "MaxTRES"];

    /// <summary>
    /// Reads the settings object. <c>grp_tres_mins</c> wins over <c>max_tres_mins</c>; the limit type is the
    /// command's <c>limit_type</c>, else <paramref name="defaultLimitType"/>. Keys SLURM does not act on
    /// (QoS thresholds, carry-over details) are ignored.
    /// </summary>
    /// <exception cref="BackendException">A value is of the wrong type, not an integer, or not a safe SLURM name.</exception>
    public static PeriodicSettings Parse(JsonElement settings, string defaultLimitType)
    {
        if (settings.ValueKind != JsonValueKind.Object)
        {
            throw new BackendException($"Periodic settings must be a JSON object, got {Kind(settings)}");
        }

        var fairshare = Optional(settings, "fairshare") is { } share ? Integer(share, "fairshare") : (long?)null;
        if (fairshare < 0)
        {
            throw new BackendException($"Periodic setting fairshare must be 0 or more, got {fairshare}");
        }

        var source = Present(settings, "grp_tres_mins") ? "grp_tres_mins" : Present(settings, "max_tres_mins") ? "max_tres_mins" : null;
        var limits = source is null ? [] : ReadLimits(settings.GetProperty(source), source);
        string? limitType = null;
        if (source is not null)
        {
            limitType = Optional(settings, "limit_type") is { } type ? LimitTypeOf(type) : defaultLimitType;
        }

        var reset = Optional(settings, "reset_raw_usage") is { } flag && Flag(flag, "reset_raw_usage");
        return new PeriodicSettings(fairshare == 0 ? null : fairshare, limitType, limits, reset, source);
    }

    private static JsonElement? Optional(JsonElement settings, string key) =>
        settings.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool Present(JsonElement settings, string key) => Optional(settings, key) is not null;

    private static List<KeyValuePair<string, long>> ReadLimits(JsonElement limits, string key)
    {
        if (limits.ValueKind != JsonValueKind.Object)
        {
            throw new BackendException($"Periodic setting {key} must be an object of TRES → value, got {Kind(limits)}");
        }

        var result = new List<KeyValuePair<string, long>>();
        foreach (var entry in limits.EnumerateObject())
        {
            var tres = SlurmNames.Tres(entry.Name);
            var value = Integer(entry.Value, $"{key}.{tres}");
            if (value < -1)
            {
                throw new BackendException($"Periodic setting {key}.{tres} must be -1 (no limit) or more, got {value}");
            }

            result.Add(new(tres, value));
        }

        return result;
    }

    private static string LimitTypeOf(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return LimitTypes.FirstOrDefault(t => t == text)
            ?? throw new BackendException(
                $"Periodic setting limit_type {(text is null ? Kind(value) : SlurmNames.Quote(text))} is not one of {string.Join(", ", LimitTypes)}");
    }

    /// <summary>An integer, given as a JSON number without a fraction (60000.0 counts) or as integer text.</summary>
    private static long Integer(JsonElement value, string key)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var integer))
            {
                return integer;
            }

            if (value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
            {
                return (long)number;
            }
        }
        else if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new BackendException($"Periodic setting {key} must be an integer, got {Shown(value)}");
    }

    private static bool Flag(JsonElement value, string key) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new BackendException($"Periodic setting {key} must be true or false, got {Shown(value)}"),
    };

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
}
