using System.Globalization;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Pure text → record functions for what SLURM's command-line tools print. They take the
/// merged stdout+stderr text and never throw on odd input: unknown lines are skipped.
/// </summary>
/// <remarks>
/// <c>--parsable2</c> separates fields with <c>|</c> and prints no trailing <c>|</c>; a one-column listing
/// has no <c>|</c> at all. Lines without <c>|</c> are banners or warnings on the merged stream and are
/// ignored by the multi-column parsers. The reference agent's tests feed lines with a trailing <c>|</c>,
/// so an extra empty last field is accepted everywhere.
/// </remarks>
public static partial class SlurmParser
{
    private const long Mebibyte = 1024 * 1024;

    /// <summary>Field <paramref name="index"/> (0-based) of a <c>|</c>-separated line, or empty when the line is shorter.</summary>
    public static ReadOnlySpan<char> Field(ReadOnlySpan<char> line, int index)
    {
        for (var i = 0; i < index; i++)
        {
            var bar = line.IndexOf('|');
            if (bar < 0)
            {
                return [];
            }

            line = line[(bar + 1)..];
        }

        var end = line.IndexOf('|');
        return end < 0 ? line : line[..end];
    }

    /// <summary>Number of fields on a line (<c>|</c> count + 1).</summary>
    public static int FieldCount(ReadOnlySpan<char> line) => line.Count('|') + 1;

    /// <summary>
    /// Parses a value with an optional binary unit, <c>^\d+(\.\d+)?[KMGTPE]?$</c>, into a whole number
    /// (rounded to the nearest unit: <c>1.50G</c> is 1610612736).
    /// </summary>
    /// <remarks>
    /// sacctmgr prints limits in the largest unit that keeps them exact, halves included
    /// (1536 MB → <c>1.50G</c>, 7864320 MB → <c>7.50T</c>); the reference reads only the leading integer
    /// and turns <c>7.50T</c> into 7 bytes. Decimal arithmetic keeps these values exact.
    /// </remarks>
    public static bool TryParseUnitValue(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        decimal multiplier = 1;
        var last = text[^1];
        var power = last switch { 'K' => 1, 'M' => 2, 'G' => 3, 'T' => 4, 'P' => 5, 'E' => 6, _ => 0 };
        if (power > 0)
        {
            text = text[..^1];
            for (var i = 0; i < power; i++)
            {
                multiplier *= 1024;
            }
        }

        if (text.IsEmpty || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]) || text.Count('.') > 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        value = Math.Round(number * multiplier, MidpointRounding.ToEven);
        return true;
    }

    /// <summary>
    /// Parses a TRES limit column (<c>cpu=600000,mem=600G</c>) into SLURM units: <c>mem</c> in megabytes,
    /// everything else as counted. Values that are not numbers (<c>NONE</c>) are listed as unparsed.
    /// </summary>
    public static TresLimits ParseTresLimits(ReadOnlySpan<char> text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        var unparsed = new List<string>();
        foreach (var range in text.Split(','))
        {
            var pair = text[range];
            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var name = pair[..eq].ToString();
            if (TryParseTresValue(name, pair[(eq + 1)..], out var value))
            {
                values[name] = value;
            }
            else
            {
                unparsed.Add(name);
            }
        }

        return new TresLimits(values, unparsed);
    }

    /// <summary>One TRES value of a limit column in SLURM units: <c>mem</c> (printed <c>1000M</c>, <c>1.50G</c>) in megabytes, everything else as counted.</summary>
    public static bool TryParseTresValue(string name, ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (!TryParseUnitValue(text, out var amount))
        {
            return false;
        }

        value = name == "mem" ? (long)decimal.Truncate(amount / Mebibyte) : (long)amount;
        return true;
    }

    /// <summary>Parses a TRES column into name → value text as printed (for diffing settings).</summary>
    public static IReadOnlyDictionary<string, string> ParseTresText(ReadOnlySpan<char> text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in text.Split(','))
        {
            var pair = text[range];
            var eq = pair.IndexOf('=');
            if (eq > 0)
            {
                values[pair[..eq].ToString()] = pair[(eq + 1)..].ToString();
            }
        }

        return values;
    }

    /// <summary>
    /// Whole seconds of a sacct <c>Elapsed</c> value <c>[D-]HH:MM:SS[.ffffff]</c>; false (and 0) for anything
    /// else (the caller warns).
    /// </summary>
    /// <remarks>
    /// The day count is an unbounded integer. The reference parses it as a calendar day (1–31) and fails
    /// on <c>0-…</c> and on <c>32-…</c> and above.
    /// </remarks>
    public static bool TryParseElapsedSeconds(ReadOnlySpan<char> text, out long seconds)
    {
        seconds = 0;
        long days = 0;
        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            if (!long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days))
            {
                return false;
            }

            text = text[(dash + 1)..];
        }

        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            text = text[..dot];
        }

        Span<Range> parts = stackalloc Range[4];
        if (text.Split(parts, ':') != 3)
        {
            return false;
        }

        if (!long.TryParse(text[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !long.TryParse(text[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var mins)
            || !long.TryParse(text[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var secs))
        {
            return false;
        }

        seconds = ((((days * 24) + hours) * 60) + mins) * 60 + secs;
        return true;
    }

    /// <summary>Minutes of a sacct <c>Elapsed</c> value: whole seconds / 60, exactly as a decimal; false (and 0) when unreadable.</summary>
    public static bool TryParseElapsedMinutes(ReadOnlySpan<char> text, out decimal minutes)
    {
        var ok = TryParseElapsedSeconds(text, out var seconds);
        minutes = seconds / 60m;
        return ok;
    }

    /// <summary>Version text of <c>sinfo -V</c> / <c>sacctmgr --version</c>, trimmed (<c>slurm-wlm 22.05.8</c>).</summary>
    public static string ParseVersion(string text) => text.Trim();

    /// <summary>True when a <c>--version</c> answer comes from SLURM (contains <c>slurm</c>, any case), not an emulator.</summary>
    public static bool IsSlurmVersion(string text) => text.Contains("slurm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads <c>id -u</c>: true for a numeric uid, false for "no such user", null when the answer says
    /// neither. The error text uses typographic quotes under a UTF-8 locale (<c>id: ‘x’: no such user</c>),
    /// so only the words are matched.
    /// </summary>
    public static bool? ParseIdUser(int exitCode, string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (exitCode == 0 && !trimmed.IsEmpty && !trimmed.ContainsAnyExcept("0123456789"))
        {
            return true;
        }

        return text.Contains("no such user", StringComparison.OrdinalIgnoreCase) ? false : null;
    }
}
