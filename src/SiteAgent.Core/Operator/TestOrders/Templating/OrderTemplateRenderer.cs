using System.Text;
using System.Text.Json.Nodes;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>
/// A small text-template renderer for order templates: <c>{{ variable | filter }}</c> substitution,
/// <c>{% if %}</c> and <c>{% join %}</c> blocks, <c>{# comments #}</c>. Undefined variables are errors
/// unless a filter (<c>default</c>, <c>uuid4</c>, <c>timestamp</c>) or an <c>is defined</c> test handles
/// them. It uses no reflection, so it is safe in the Native AOT binary.
/// </summary>
public static class OrderTemplateRenderer
{
    /// <summary>
    /// Renders <paramref name="source"/> with <paramref name="variables"/>. Throws
    /// <see cref="TemplateException"/> naming <paramref name="template"/>, the line and the problem.
    /// </summary>
    public static string Render(string template, string source, IReadOnlyDictionary<string, JsonNode?> variables, TimeProvider? time = null)
    {
        var nodes = TemplateParser.Parse(template, source);
        var output = new StringBuilder(source.Length);
        TemplateNode.RenderAll(nodes, output, new TemplateScope(template, variables, time ?? TimeProvider.System));
        return output.ToString();
    }
}
