namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>Turns template tokens into nodes; the tags are <c>if/elif/else/endif</c> and <c>join/endjoin</c>.</summary>
internal sealed class TemplateParser
{
    private readonly string _template;
    private readonly List<TemplateToken> _tokens;
    private int _next;

    private TemplateParser(string template, List<TemplateToken> tokens)
    {
        _template = template;
        _tokens = tokens;
    }

    /// <summary>Parses <paramref name="source"/>; throws <see cref="TemplateException"/> naming the line of any syntax error.</summary>
    public static IReadOnlyList<TemplateNode> Parse(string template, string source)
    {
        var parser = new TemplateParser(template, TemplateLexer.Tokenize(template, source));
        var (nodes, end) = parser.ParseUntil([]);
        if (end is not null)
        {
            throw new TemplateException(template, end.Line, $"'{{% {end.Content} %}}' without a matching opening tag");
        }

        return nodes;
    }

    /// <summary>Nodes up to one of the <paramref name="ends"/> tags (returned), or to the end of the source (null).</summary>
    private (List<TemplateNode> Nodes, TemplateToken? End) ParseUntil(string[] ends)
    {
        var nodes = new List<TemplateNode>();
        while (_next < _tokens.Count)
        {
            var token = _tokens[_next++];
            switch (token.Kind)
            {
                case TemplateTokenKind.Text:
                    nodes.Add(new TextNode(token.Content));
                    break;
                case TemplateTokenKind.Output:
                    nodes.Add(new OutputNode(ExpressionParser.Parse(_template, token.Line, token.Content)));
                    break;
                default:
                    var keyword = Keyword(token);
                    if (ends.Contains(keyword) || keyword is "elif" or "else" or "endif" or "endjoin")
                    {
                        return (nodes, token);
                    }

                    nodes.Add(keyword switch
                    {
                        "if" => ParseIf(token),
                        "join" => ParseJoin(token),
                        _ => throw new TemplateException(_template, token.Line, $"unknown tag '{keyword}' (available: if, elif, else, endif, join, endjoin)"),
                    });
                    break;
            }
        }

        return (nodes, null);
    }

    private IfNode ParseIf(TemplateToken opening)
    {
        var branches = new List<(TemplateCondition?, IReadOnlyList<TemplateNode>)>();
        TemplateCondition? condition = ExpressionParser.ParseCondition(_template, opening.Line, Argument(opening));
        while (true)
        {
            var (body, end) = ParseUntil(["elif", "else", "endif"]);
            branches.Add((condition, body));
            var keyword = end is null ? null : Keyword(end);
            if (keyword is null or "endjoin")
            {
                throw new TemplateException(_template, opening.Line, "'{% if %}' is never closed with '{% endif %}'");
            }

            if (keyword == "endif")
            {
                return new IfNode(branches);
            }

            if (condition is null)
            {
                throw new TemplateException(_template, end!.Line, $"'{{% {keyword} %}}' after '{{% else %}}'");
            }

            condition = keyword == "elif" ? ExpressionParser.ParseCondition(_template, end!.Line, Argument(end)) : null;
        }
    }

    private JoinNode ParseJoin(TemplateToken opening)
    {
        var separator = ExpressionParser.Parse(_template, opening.Line, Argument(opening));
        if (separator is not { Variable: null, Filters.Count: 0 } || separator.Literal is null || TemplateValue.Of(separator.Literal).AsString is not { } text)
        {
            throw new TemplateException(_template, opening.Line, "'{% join %}' takes a quoted separator, e.g. {% join \", \" %}");
        }

        var (parts, end) = ParseUntil(["endjoin"]);
        if (end is null || Keyword(end) != "endjoin")
        {
            throw new TemplateException(_template, end?.Line ?? opening.Line, "'{% join %}' is never closed with '{% endjoin %}'");
        }

        return new JoinNode(text, parts);
    }

    private static string Keyword(TemplateToken tag)
    {
        var space = tag.Content.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? tag.Content : tag.Content[..space];
    }

    private static string Argument(TemplateToken tag) => tag.Content[Keyword(tag).Length..].Trim();
}
