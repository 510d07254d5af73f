using System.Collections;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Logging;

/// <summary>A log entry's structured values with every string value redacted; formatters read it like the original state.</summary>
internal sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    public RedactedState(IReadOnlyList<KeyValuePair<string, object?>>? values, string message, SecretRedactor redactor)
    {
        Message = message;
        _values = values is null
            ? []
            : values.Select(pair => new KeyValuePair<string, object?>(pair.Key, Redact(pair.Key, pair.Value, redactor))).ToArray();
    }

    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    // {OriginalFormat} is the message template, not data: it never holds a secret.
    private static object? Redact(string key, object? value, SecretRedactor redactor) => value switch
    {
        null => null,
        string text when key == "{OriginalFormat}" => text,
        string text => redactor.Redact(text),
        IFormattable or bool => value,
        _ => redactor.Redact(value.ToString()),
    };
}

/// <summary>An exception whose text is redacted; formatters print <see cref="ToString"/>.</summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException(Exception inner, SecretRedactor redactor)
        : base(redactor.Redact(inner.Message)) => _text = redactor.Redact(inner.ToString());

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
