using System.Text;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>One part of a parsed template.</summary>
internal abstract record TemplateNode
{
    /// <summary>Appends the part's output.</summary>
    public abstract void Render(StringBuilder output, TemplateScope scope);

    /// <summary>Renders a list of parts.</summary>
    public static void RenderAll(IEnumerable<TemplateNode> nodes, StringBuilder output, TemplateScope scope)
    {
        foreach (var node in nodes)
        {
            node.Render(output, scope);
        }
    }
}

/// <summary>Literal text.</summary>
internal sealed record TextNode(string Text) : TemplateNode
{
    /// <inheritdoc />
    public override void Render(StringBuilder output, TemplateScope scope) => output.Append(Text);
}

/// <summary><c>{{ expression }}</c>: an undefined value is an error (strict templates).</summary>
internal sealed record OutputNode(TemplateExpression Expression) : TemplateNode
{
    /// <inheritdoc />
    public override void Render(StringBuilder output, TemplateScope scope) =>
        output.Append(scope.Require(Expression.Evaluate(scope), Expression.Line).ToOutput());
}

/// <summary><c>{% if %}…{% elif %}…{% else %}…{% endif %}</c>; an else branch has no condition.</summary>
internal sealed record IfNode(IReadOnlyList<(TemplateCondition? Condition, IReadOnlyList<TemplateNode> Body)> Branches) : TemplateNode
{
    /// <inheritdoc />
    public override void Render(StringBuilder output, TemplateScope scope)
    {
        foreach (var (condition, body) in Branches)
        {
            if (condition is null || condition.IsTrue(scope))
            {
                RenderAll(body, output, scope);
                return;
            }
        }
    }
}

/// <summary>
/// <c>{% join ", " %}…{% endjoin %}</c>: renders each part inside it separately and joins the parts
/// that produced something (whitespace aside) with the separator. It lets a template write a JSON
/// object whose members are each optional without a dangling comma.
/// </summary>
internal sealed record JoinNode(string Separator, IReadOnlyList<TemplateNode> Parts) : TemplateNode
{
    /// <inheritdoc />
    public override void Render(StringBuilder output, TemplateScope scope)
    {
        var pieces = new List<string>();
        foreach (var part in Parts)
        {
            var piece = new StringBuilder();
            part.Render(piece, scope);
            var text = piece.ToString().Trim();
            if (text.Length > 0)
            {
                pieces.Add(text);
            }
        }

        output.Append(string.Join(Separator, pieces));
    }
}
