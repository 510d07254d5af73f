using System.Text;

namespace SiteAgent.Waldur;

/// <summary>Turns response bodies into text fit for messages: bounded, single-line, secrets removed.</summary>
internal static class ResponseText
{
    /// <summary>How much of a body an exception keeps.</summary>
    public const int MaxBodyChars = 4096;

    /// <summary>How much of a body an exception message shows.</summary>
    public const int MaxExcerptChars = 500;

    /// <summary>Decodes a body as UTF-8 (lossy) and keeps at most <see cref="MaxBodyChars"/> characters.</summary>
    public static string Decode(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > MaxBodyChars * 4 ? body[..(MaxBodyChars * 4)] : body);
        return text.Length > MaxBodyChars ? text[..MaxBodyChars] : text;
    }

    /// <summary>A one-line excerpt: control characters become spaces, runs of spaces shrink, long text ends in "…".</summary>
    public static string Excerpt(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxExcerptChars + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
            if (builder.Length >= MaxExcerptChars)
            {
                return builder.ToString().TrimEnd() + "…";
            }
        }

        return builder.ToString().Trim();
    }
}
