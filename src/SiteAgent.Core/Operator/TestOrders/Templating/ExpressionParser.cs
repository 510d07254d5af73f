using System.Text.Json.Nodes;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>Parses the text between <c>{{ }}</c>, or after <c>if</c>, into an expression.</summary>
internal sealed class ExpressionParser
{
    private readonly string _template;
    private readonly int _line;
    private readonly List<string> _tokens;
    private int _next;

    private ExpressionParser(string template, int line, List<string> tokens)
    {
        _template = template;
        _line = line;
        _tokens = tokens;
    }

    /// <summary>Parses a whole expression; anything left over is an error.</summary>
    public static TemplateExpression Parse(string template, int line, string text)
    {
        var parser = new ExpressionParser(template, line, ExpressionTokenizer.Split(template, line, text));
        var expression = parser.ParseExpression();
        parser.ExpectEnd(text);
        return expression;
    }

    /// <summary>Parses a condition: <c>[not] expression [is [not] defined]</c>.</summary>
    public static TemplateCondition ParseCondition(string template, int line, string text)
    {
        var parser = new ExpressionParser(template, line, ExpressionTokenizer.Split(template, line, text));
        var negated = parser.Accept("not");
        var expression = parser.ParseExpression();
        bool? definedTest = null;
        if (parser.Accept("is"))
        {
            var not = parser.Accept("not");
            parser.Expect("defined");
            definedTest = !not;
        }

        parser.ExpectEnd(text);
        return new TemplateCondition(expression, definedTest, negated);
    }

    private TemplateExpression ParseExpression()
    {
        var first = Take("a variable name or a value");
        string? variable = null;
        JsonNode? literal = null;
        if (first[0] is '\'' or '"')
        {
            literal = JsonValue.Create(first[1..]);
        }
        else if (first[0] is '-' or (>= '0' and <= '9'))
        {
            literal = ParseNumber(first);
        }
        else if (first is "true" or "false")
        {
            literal = JsonValue.Create(first == "true");
        }
        else if (first is "null" or "none")
        {
            literal = null;
        }
        else if (ExpressionTokenizer.IsName(first))
        {
            variable = first;
        }
        else
        {
            throw Error($"expected a variable name or a value, found '{first}'");
        }

        var filters = new List<FilterCall>();
        while (Accept("|"))
        {
            var name = Take("a filter name after '|'");
            if (!ExpressionTokenizer.IsName(name))
            {
                throw Error($"expected a filter name after '|', found '{name}'");
            }

            var arguments = new List<TemplateExpression>();
            if (Accept("("))
            {
                while (!Accept(")"))
                {
                    if (arguments.Count > 0)
                    {
                        Expect(",");
                    }

                    arguments.Add(ParseExpression());
                }
            }

            filters.Add(new FilterCall(name, arguments));
        }

        return new TemplateExpression(variable, literal, filters, _line);
    }

    private JsonNode ParseNumber(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw Error($"'{text}' is not a number");
        }
        catch (System.Text.Json.JsonException)
        {
            throw Error($"'{text}' is not a number");
        }
    }

    private bool Accept(string token)
    {
        if (_next < _tokens.Count && _tokens[_next] == token)
        {
            _next++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Error($"expected '{token}'{(_next < _tokens.Count ? $", found '{_tokens[_next]}'" : " at the end")}");
        }
    }

    private string Take(string what) =>
        _next < _tokens.Count ? _tokens[_next++] : throw Error($"expected {what} at the end");

    private void ExpectEnd(string text)
    {
        if (_next < _tokens.Count)
        {
            throw Error($"unexpected '{_tokens[_next]}' in '{text}'");
        }
    }

    private TemplateException Error(string problem) => new(_template, _line, problem);
}
