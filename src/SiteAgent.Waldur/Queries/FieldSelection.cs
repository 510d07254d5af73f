namespace SiteAgent.Waldur.Queries;

/// <summary>
/// Merges a caller's <c>field=</c> selection with the fields the client always needs, so a trimmed
/// answer still carries what the model marks required (an order's uuid and state, for example).
/// </summary>
internal static class FieldSelection
{
    /// <summary>Null (all fields) when <paramref name="fields"/> is null; else the union, caller's order first.</summary>
    public static IReadOnlyList<string>? Including(IReadOnlyList<string>? fields, params string[] required)
    {
        if (fields is null || fields.Count == 0)
        {
            return null;
        }

        var merged = new List<string>(fields);
        foreach (var name in required)
        {
            if (!merged.Contains(name, StringComparer.Ordinal))
            {
                merged.Add(name);
            }
        }

        return merged;
    }
}
