using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Core.Operator.TestOrders.Templating;

/// <summary>
/// The filters order templates use. <c>uuid4</c> and <c>timestamp</c> keep a value that was given and
/// fill in a fresh one (a random UUID, the current local time in ISO 8601) when it is undefined, null
/// or empty; <c>default(x)</c> replaces an undefined value; <c>from_json</c> parses a string (other
/// values pass, since <c>--var</c> already parses JSON); <c>to_json</c> writes the value as JSON.
/// </summary>
internal static class TemplateFilters
{
    /// <summary>The filter names, for the error about an unknown one.</summary>
    public const string Names = "uuid4, timestamp, default(x), from_json, to_json";

    /// <summary>Applies <paramref name="filter"/> to <paramref name="value"/>.</summary>
    public static TemplateValue Apply(FilterCall filter, TemplateValue value, TemplateScope scope, int line)
    {
        var arguments = filter.Name == "default" ? 1 : 0;
        if (filter.Arguments.Count != arguments)
        {
            throw new TemplateException(scope.Template, line,
                $"filter '{filter.Name}' takes {(arguments == 0 ? "no arguments" : "one argument")}, not {filter.Arguments.Count}");
        }

        return filter.Name switch
        {
            "default" => value.IsUndefined ? filter.Arguments[0].Evaluate(scope) : value,
            "uuid4" => value.IsMissing ? TemplateValue.Of(Guid.NewGuid().ToString("D")) : TemplateValue.Of(value.ToOutput()),
            "timestamp" => value.IsMissing ? TemplateValue.Of(Now(scope.Time)) : TemplateValue.Of(value.ToOutput()),
            "to_json" => TemplateValue.Of(TemplateJson.Write(scope.Require(value, line).Node)),
            "from_json" => FromJson(scope.Require(value, line), scope, line),
            _ => throw new TemplateException(scope.Template, line, $"unknown filter '{filter.Name}' (available: {Names})"),
        };
    }

    private static string Now(TimeProvider time) =>
        time.GetLocalNow().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    private static TemplateValue FromJson(TemplateValue value, TemplateScope scope, int line)
    {
        if (value.AsString is not { } text)
        {
            return value;
        }

        try
        {
            return TemplateValue.Of(JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            throw new TemplateException(scope.Template, line, $"from_json: '{text}' is not valid JSON ({JsonErrorText.Describe(e)})");
        }
    }
}
