using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteAgent.Waldur.Emulator.Scenario;

/// <summary>A scenario file failed to parse or referred to something that does not exist.</summary>
public sealed class ScenarioException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads a scenario (YAML or JSON, by extension or content) into a JSON tree.</summary>
/// <remarks>YAML is read through YamlDotNet's representation model; plain scalars get YAML 1.2 core types.</remarks>
public static partial class ScenarioDocument
{
    /// <summary>Reads a file; <c>.yaml</c>/<c>.yml</c> as YAML, anything else as JSON.</summary>
    public static JsonNode Load(string path)
    {
        var text = File.ReadAllText(path);
        var yaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        return Parse(text, yaml, path);
    }

    /// <summary>Parses text; when <paramref name="yaml"/> is null, JSON is assumed if it starts with '{'.</summary>
    public static JsonNode Parse(string text, bool? yaml, string source = "scenario")
    {
        var isYaml = yaml ?? !text.TrimStart().StartsWith('{');
        try
        {
            if (!isYaml) return JsonNode.Parse(text) ?? throw new ScenarioException($"{source}: empty scenario");
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) throw new ScenarioException($"{source}: empty scenario");
            return Convert(stream.Documents[0].RootNode) ?? throw new ScenarioException($"{source}: empty scenario");
        }
        catch (YamlException e)
        {
            throw new ScenarioException($"{source}: line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{source}: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain) return value;
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return true;
        if (value is "false" or "False" or "FALSE") return false;
        if (IntegerText().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
        if (FloatText().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return value;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatText();
}
