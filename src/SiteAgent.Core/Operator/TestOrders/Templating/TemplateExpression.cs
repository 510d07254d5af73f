using System.Text.Json.Nodes;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>A filter applied to a value: its name, its arguments, and the line it is on.</summary>
internal sealed record FilterCall(string Name, IReadOnlyList<TemplateExpression> Arguments);

/// <summary>
/// <c>primary | filter | filter(arguments)…</c>, where primary is a variable name or a literal
/// (<c>'text'</c>, <c>"text"</c>, a number, <c>true</c>, <c>false</c>, <c>null</c>).
/// </summary>
internal sealed record TemplateExpression(string? Variable, JsonNode? Literal, IReadOnlyList<FilterCall> Filters, int Line)
{
    /// <summary>Evaluates the expression; an undefined variable stays undefined until something uses it.</summary>
    public TemplateValue Evaluate(TemplateScope scope)
    {
        var value = Variable is null
            ? TemplateValue.Of(Literal?.DeepClone())
            : scope.Lookup(Variable);
        foreach (var filter in Filters)
        {
            value = TemplateFilters.Apply(filter, value, scope, Line);
        }

        return value;
    }
}
