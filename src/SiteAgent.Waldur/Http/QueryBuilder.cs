using System.Globalization;
using System.Text;

namespace SiteAgent.Waldur.Http;

/// <summary>
/// Builds a query string the way the schema declares each parameter: list filters with
/// <c>explode: true</c> repeat the key (<c>state=a&amp;state=b</c>), those with <c>explode: false</c>
/// join the values with commas; uuids are 32 hex digits, booleans <c>true</c>/<c>false</c>, dates ISO.
/// </summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds <paramref name="name"/>=<paramref name="value"/> unless the value is null.</summary>
    public QueryBuilder Add(string name, string? value)
    {
        if (value is not null)
        {
            Key(name).Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>Adds a uuid in its 32-hex form.</summary>
    public QueryBuilder Add(string name, Guid? value) => Add(name, value?.ToString("N"));

    /// <summary>Adds a boolean as <c>true</c> or <c>false</c>.</summary>
    public QueryBuilder Add(string name, bool? value) => Add(name, value is bool b ? (b ? "true" : "false") : null);

    /// <summary>Adds an integer.</summary>
    public QueryBuilder Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a date as <c>YYYY-MM-DD</c>.</summary>
    public QueryBuilder Add(string name, DateOnly? value) =>
        Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Adds one <c>name=value</c> pair per value (an <c>explode: true</c> list).</summary>
    public QueryBuilder AddEach(string name, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            Add(name, value);
        }

        return this;
    }

    /// <summary>Adds the values joined by commas (an <c>explode: false</c> list); nothing when empty.</summary>
    public QueryBuilder AddJoined(string name, IEnumerable<string>? values)
    {
        var list = values?.ToList();
        if (list is { Count: > 0 })
        {
            Key(name).AppendJoin(',', list.Select(Uri.EscapeDataString));
        }

        return this;
    }

    /// <summary>Adds uuids (32-hex form) joined by commas.</summary>
    public QueryBuilder AddJoined(string name, IEnumerable<Guid>? values) =>
        AddJoined(name, values?.Select(v => v.ToString("N")));

    /// <summary>The query string with its leading <c>?</c>, or empty.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Starts a pair: the separator, the escaped name and <c>=</c>; the caller appends the value.</summary>
    private StringBuilder Key(string name) =>
        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=');
}
