using System.Text;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>
/// Splits an expression into names, numbers, punctuation (<c>| ( ) ,</c>) and strings. A string token
/// keeps its opening quote as a marker and holds the unescaped text after it.
/// </summary>
internal static class ExpressionTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static List<string> Split(string template, int line, string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '|' or '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(template, line, text, ref i));
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '-' or '.')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                throw new TemplateException(template, line, $"unexpected character '{c}' in '{text}'");
            }
        }

        return tokens;
    }

    /// <summary>True for a variable or filter name: a letter or underscore, then letters, digits and underscores.</summary>
    public static bool IsName(string token) =>
        token.Length > 0 && (char.IsAsciiLetter(token[0]) || token[0] == '_') && token.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string ReadString(string template, int line, string text, ref int i)
    {
        var quote = text[i++];
        var value = new StringBuilder().Append(quote);
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(text[i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                value.Append(text[i]);
            }

            i++;
        }

        if (i >= text.Length)
        {
            throw new TemplateException(template, line, $"the string starting with {quote} in '{text}' is never closed");
        }

        i++;
        return value.ToString();
    }
}
