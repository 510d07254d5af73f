namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>What a piece of template source is.</summary>
internal enum TemplateTokenKind
{
    /// <summary>Literal text, copied to the output.</summary>
    Text,

    /// <summary><c>{{ expression }}</c>.</summary>
    Output,

    /// <summary><c>{% tag %}</c>.</summary>
    Tag,
}

/// <summary>One piece of template source and the 1-based line it starts on.</summary>
internal sealed record TemplateToken(TemplateTokenKind Kind, string Content, int Line);

/// <summary>
/// Splits template source into text, <c>{{ }}</c> and <c>{% %}</c> pieces (comments <c>{# #}</c> are dropped).
/// </summary>
/// <remarks>
/// Whitespace follows the usual JSON-template conventions so that a tag on a line of its own leaves
/// no blank line: a newline right after <c>%}</c> or <c>#}</c> is dropped, and so are the spaces
/// before <c>{%</c> or <c>{#</c> at the start of a line. <c>{%-</c>/<c>{{-</c> also drop all
/// whitespace before the tag, <c>-%}</c>/<c>-}}</c> all whitespace after it.
/// </remarks>
internal static class TemplateLexer
{
    /// <summary>The pieces of <paramref name="source"/>; throws <see cref="TemplateException"/> for an unclosed tag.</summary>
    public static List<TemplateToken> Tokenize(string template, string source)
    {
        var tokens = new List<TemplateToken>();
        var position = 0;
        var line = 1;
        var trimNext = false;
        var dropNewline = false;
        while (position < source.Length)
        {
            var open = FindOpening(source, position);
            var end = open < 0 ? source.Length : open;
            var start = position;
            if (dropNewline && start < end)
            {
                start += source[start] == '\n' ? 1 : source.AsSpan(start).StartsWith("\r\n") ? 2 : 0;
            }

            while (trimNext && start < end && char.IsWhiteSpace(source[start]))
            {
                start++;
            }

            var text = source[start..end];
            var textLine = line + CountNewlines(source, position, start);
            var startsLine = start == 0 || source[start - 1] == '\n';
            line += CountNewlines(source, position, end);
            if (open < 0)
            {
                AddText(tokens, text, textLine);
                break;
            }

            var marker = source[open + 1];
            var closing = marker switch { '{' => "}}", '%' => "%}", _ => "#}" };
            var close = source.IndexOf(closing, open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new TemplateException(template, line, $"'{source.Substring(open, 2)}' is never closed with '{closing}'");
            }

            var inner = source[(open + 2)..close];
            var trimBefore = inner.StartsWith('-');
            trimNext = inner.EndsWith('-') && inner.Length > (trimBefore ? 1 : 0);
            inner = inner[(trimBefore ? 1 : 0)..(inner.Length - (trimNext ? 1 : 0))].Trim();
            var isBlock = marker != '{';
            text = trimBefore ? text.TrimEnd() : isBlock ? WithoutLineIndent(text, startsLine) : text;
            AddText(tokens, text, textLine);
            if (marker != '#')
            {
                tokens.Add(new TemplateToken(marker == '{' ? TemplateTokenKind.Output : TemplateTokenKind.Tag, inner, line));
            }

            dropNewline = isBlock;
            line += CountNewlines(source, open, close + 2);
            position = close + 2;
        }

        return tokens;
    }

    private static int FindOpening(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i < source.Length - 1; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Drops spaces and tabs before a block tag when nothing else precedes it on its line.</summary>
    private static string WithoutLineIndent(string text, bool startsLine)
    {
        var lineStart = text.LastIndexOf('\n') + 1;
        if (lineStart == 0 && !startsLine)
        {
            return text;
        }

        for (var i = lineStart; i < text.Length; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return text;
            }
        }

        return text[..lineStart];
    }

    private static void AddText(List<TemplateToken> tokens, string text, int line)
    {
        if (text.Length > 0)
        {
            tokens.Add(new TemplateToken(TemplateTokenKind.Text, text, line));
        }
    }

    private static int CountNewlines(string source, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }
}
