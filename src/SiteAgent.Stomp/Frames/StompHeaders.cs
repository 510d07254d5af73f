using System.Collections;

namespace SiteAgent.Stomp.Frames;

/// <summary>
/// The headers of one frame, in wire order. A name may repeat; as STOMP 1.2 says, the first
/// occurrence is the value (later ones are kept only for completeness).
/// </summary>
public sealed class StompHeaders : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly KeyValuePair<string, string>[] _headers;

    /// <summary>An empty header list.</summary>
    public static readonly StompHeaders Empty = new([]);

    /// <summary>Wraps headers in wire order; the array is owned by the new instance.</summary>
    internal StompHeaders(KeyValuePair<string, string>[] headers) => _headers = headers;

    /// <summary>Copies <paramref name="headers"/> in the given order.</summary>
    public static StompHeaders From(IEnumerable<KeyValuePair<string, string>> headers) => new(headers.ToArray());

    /// <summary>The value of the first header called <paramref name="name"/>, or null.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public KeyValuePair<string, string> this[int index] => _headers[index];

    /// <inheritdoc />
    public int Count => _headers.Length;

    /// <summary>The value of the first header called <paramref name="name"/> (names are case-sensitive).</summary>
    public bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        foreach (var header in _headers)
        {
            if (string.Equals(header.Key, name, StringComparison.Ordinal))
            {
                value = header.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_headers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The headers as <c>name:value</c> lines for diagnostics, with the passcode masked.</summary>
    public override string ToString() =>
        string.Join(", ", _headers.Select(h => h.Key + ":" + (h.Key == StompHeaderNames.Passcode ? "********" : h.Value)));
}
