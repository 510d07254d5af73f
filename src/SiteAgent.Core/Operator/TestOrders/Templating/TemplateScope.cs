using System.Text.Json.Nodes;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>What one rendering sees: the template's name (for errors), its variables and the clock.</summary>
internal sealed class TemplateScope(string template, IReadOnlyDictionary<string, JsonNode?> variables, TimeProvider time)
{
    /// <summary>The template's name, as errors show it.</summary>
    public string Template { get; } = template;

    /// <summary>The clock <c>timestamp</c> reads.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The variable's value, or undefined (an error only once the value is used).</summary>
    public TemplateValue Lookup(string name) =>
        variables.TryGetValue(name, out var value) ? TemplateValue.Of(value?.DeepClone()) : TemplateValue.Undefined(name);

    /// <summary>The error for using an undefined value on <paramref name="line"/>.</summary>
    public TemplateException Undefined(TemplateValue value, int line) =>
        new(Template, line, $"variable '{value.UndefinedName}' is undefined (set it with --var {value.UndefinedName}=VALUE, or use '| default(...)' in the template)");

    /// <summary>The value itself; throws the strict undefined-variable error when it is undefined.</summary>
    public TemplateValue Require(TemplateValue value, int line) => value.IsUndefined ? throw Undefined(value, line) : value;
}

/// <summary><c>{% if [not] expression [is [not] defined] %}</c>.</summary>
internal sealed record TemplateCondition(TemplateExpression Expression, bool? DefinedTest, bool Negated)
{
    /// <summary>Whether the branch is taken. Without <c>is defined</c>, an undefined value is an error.</summary>
    public bool IsTrue(TemplateScope scope)
    {
        var value = Expression.Evaluate(scope);
        var result = DefinedTest is { } wantDefined
            ? value.IsUndefined != wantDefined
            : scope.Require(value, Expression.Line).IsTruthy();
        return result != Negated;
    }
}
