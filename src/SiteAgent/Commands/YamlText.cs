using System.Globalization;
using System.Text;

namespace SiteAgent.Commands;

/// <summary>A minimal block-style YAML writer: every string double-quoted, so no value can change type or structure.</summary>
internal sealed class YamlText
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _pendingItem;

    public void Comment(string text) => Line("# " + text.Replace('\n', ' '));

    public void Scalar(string key, string? value) => Raw(key, value is null ? "null" : Quote(value));

    public void Scalar(string key, bool? value) => Raw(key, value is null ? "null" : value.Value ? "true" : "false");

    public void Scalar(string key, long value) => Raw(key, value.ToString(CultureInfo.InvariantCulture));

    public void Scalar(string key, decimal value) => Raw(key, value.ToString(CultureInfo.InvariantCulture));

    public void Raw(string key, string value) => Line(Key(key) + ": " + value);

    public void ListScalar(string? value) => Line("- " + (value is null ? "null" : Quote(value)));

    public void Begin(string key)
    {
        Line(Key(key) + ":");
        _depth++;
    }

    /// <summary>Starts a list item holding a mapping; the first key goes on the dash line.</summary>
    public void BeginItem()
    {
        _pendingItem = true;
        _depth++;
    }

    public void End() => _depth--;

    public override string ToString() => _text.ToString();

    private void Line(string content)
    {
        if (_pendingItem)
        {
            _text.Append(' ', (_depth - 1) * 2).Append("- ").Append(content).Append('\n');
            _pendingItem = false;
            return;
        }

        _text.Append(' ', _depth * 2).Append(content).Append('\n');
    }

    private static string Key(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && key.Length > 0 ? key : Quote(key);

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' => builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
