namespace SiteAgent.Backends.Slurm;

/// <summary>Parsers for <c>sacct --parsable2 --noheader</c> output.</summary>
public static partial class SlurmParser
{
    /// <summary>
    /// Usage lines of <c>sacct … --format=Account,ReqTRES,Elapsed,User</c>: for each TRES of ReqTRES whose
    /// name is in <paramref name="keys"/>, value × elapsed minutes; <c>mem</c> is converted from
    /// byte-minutes to MB-minutes and floored per line, before any summing. Decimal throughout: the
    /// only inexact step is one division by 60 per value, 28 digits deep.
    /// </summary>
    /// <param name="text">sacct output.</param>
    /// <param name="keys">TRES names to keep (configured components, plus mapping targets).</param>
    /// <param name="skipped">Receives lines that could not be read (bad Elapsed or TRES value), for a warning.</param>
    /// <remarks>
    /// Requires <c>--noconvert</c>: without it sacct prints <c>mem=1.50G</c>, and with it integer megabytes
    /// (<c>mem=1536M</c>). Lines without <c>|</c> and step lines (empty ReqTRES and User, printed without
    /// <c>--allocations</c>) add nothing. TRES names are matched as spans against <paramref name="keys"/>,
    /// so no string is allocated per pair.
    /// </remarks>
    public static IReadOnlyList<UsageLine> ParseUsage(string text, IReadOnlySet<string> keys, ICollection<string>? skipped = null)
    {
        var lookup = keys.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var lines = new List<UsageLine>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.Contains('|'))
            {
                continue;
            }

            var tres = Field(line, 1);
            var user = Field(line, 3);
            if (tres.IsEmpty && user.IsEmpty)
            {
                continue;
            }

            if (!TryParseElapsedSeconds(Field(line, 2), out var seconds))
            {
                skipped?.Add(line.ToString());
            }

            var usage = new List<KeyValuePair<string, decimal>>();
            foreach (var range in tres.Split(','))
            {
                var pair = tres[range];
                var eq = pair.IndexOf('=');
                if (eq <= 0 || !lookup.TryGetValue(pair[..eq], out var key))
                {
                    continue;
                }

                if (!TryParseUnitValue(pair[(eq + 1)..], out var amount))
                {
                    skipped?.Add(line.ToString());
                    continue;
                }

                var tresSeconds = amount * seconds;
                usage.Add(new(key, key == "mem" ? decimal.Floor(tresSeconds / (60m * Mebibyte)) : tresSeconds / 60m));
            }

            lines.Add(new UsageLine(Intern(nameLookup, names, Field(line, 0).Trim()), Intern(nameLookup, names, user), usage));
        }

        return lines;
    }

    /// <summary>Job ids (field 0) of a <c>sacct</c> job listing.</summary>
    public static IReadOnlyList<string> ParseJobIds(string text)
    {
        var ids = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains('|'))
            {
                ids.Add(Field(line, 0).ToString());
            }
        }

        return ids;
    }

    private static string Intern(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup, Dictionary<string, string> names, ReadOnlySpan<char> name)
    {
        if (lookup.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var created = name.ToString();
        names[created] = created;
        return created;
    }
}
