namespace SiteAgent.Waldur.Operations;

/// <summary>What repeating a call does to Waldur's state, which decides how retries may treat it.</summary>
public enum WaldurCallKind
{
    /// <summary>Changes nothing (every GET, and POSTs that only answer a question).</summary>
    Read,

    /// <summary>A repeat leaves the same state as one call (set a value, replace a set, upsert).</summary>
    IdempotentWrite,

    /// <summary>A repeat fails or duplicates (state transitions, creations): callers re-read state before repeating.</summary>
    GuardedWrite,
}

/// <summary>One Waldur REST operation: its schema operationId, method and path template.</summary>
/// <param name="Id">The operationId in openapi-subset.json (or in the 8.1.x API for <paramref name="InSchema"/> false).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="PathTemplate">Path as the schema writes it, starting with <c>/api/</c>.</param>
/// <param name="Kind">Read, idempotent write or write that needs a guard.</param>
/// <param name="InSchema">False for the five 8.1.x-only operations beyond the 8.0.9 schema.</param>
public sealed record WaldurOperation(string Id, HttpMethod Method, string PathTemplate, WaldurCallKind Kind, bool InSchema = true)
{
    private const string ApiPrefix = "/api/";

    /// <summary>True when the call changes nothing in Waldur (sent even in dry-run, retried as a read).</summary>
    public bool IsRead => Kind == WaldurCallKind.Read;

    /// <summary>
    /// The path relative to the configured API root, with the single path variable (if any) set to
    /// the 32-hex form of <paramref name="id"/>, the form Waldur itself uses in URLs.
    /// </summary>
    internal string RelativePath(Guid? id = null)
    {
        var path = PathTemplate[ApiPrefix.Length..];
        var open = path.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return path;
        }

        if (id is not Guid value)
        {
            throw new ArgumentNullException(nameof(id), $"{Id} needs an object uuid in its path.");
        }

        var close = path.IndexOf('}', open);
        return string.Concat(path.AsSpan(0, open), value.ToString("N"), path.AsSpan(close + 1));
    }
}
