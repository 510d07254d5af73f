using SiteAgent.Backends.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteAgent.Core.Config;

/// <summary>
/// Parses YAML text into the positioned <see cref="ConfigNode"/> tree through YamlDotNet's
/// representation model (the reflection-based deserializer is not AOT-safe).
/// </summary>
/// <remarks>
/// Behaves like the reference's safe loader: one document, no custom tags, aliases resolved.
/// Duplicate keys are an error (YamlDotNet refuses them), where PyYAML silently keeps the last one.
/// </remarks>
public static class YamlTreeParser
{
    /// <summary>Parses <paramref name="text"/>; syntax problems are recorded and null is returned.</summary>
    public static ConfigNode? Parse(string text, ConfigProblems problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = Describe(ex);
            // The representation model refuses duplicate keys itself, naming only the second occurrence.
            problems.Error(string.Empty, message.StartsWith("Duplicate key", StringComparison.Ordinal) ? message : "YAML syntax error: " + message, Position(ex.Start));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            problems.Error(string.Empty, "the file is empty; expected a mapping with an 'offerings' list", null);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Error(string.Empty, "the file holds several YAML documents; expected exactly one", Position(stream.Documents[1].RootNode.Start));
            return null;
        }

        return Convert(stream.Documents[0].RootNode, string.Empty, problems);
    }

    private static ConfigNode Convert(YamlNode node, string path, ConfigProblems problems)
    {
        var location = Position(node.Start);
        if (!node.Tag.IsEmpty && !IsStandardTag(node.Tag.Value))
        {
            problems.Error(path, $"custom YAML tag {node.Tag.Value} is not allowed", location);
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return new ConfigScalar(path, location, ScalarValue(scalar), scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
            case YamlSequenceNode sequence:
                var items = new List<ConfigNode>(sequence.Children.Count);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    items.Add(Convert(sequence.Children[i], ConfigPaths.Item(path, i), problems));
                }

                return new ConfigSequence(path, location, items);
            case YamlMappingNode mapping:
                return ConvertMapping(mapping, path, location, problems);
            default:
                problems.Error(path, "unsupported YAML node", location);
                return new ConfigScalar(path, location, null, false);
        }
    }

    private static ConfigMapping ConvertMapping(YamlMappingNode mapping, string path, SourceLocation location, ConfigProblems problems)
    {
        var entries = new List<ConfigEntry>(mapping.Children.Count);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var keyLocation = Position(keyNode.Start);
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Error(path, "mapping keys must be plain strings", keyLocation);
                continue;
            }

            var childPath = ConfigPaths.Child(path, key);
            entries.Add(new ConfigEntry(key, keyLocation, Convert(valueNode, childPath, problems)));
        }

        return new ConfigMapping(path, location, entries);
    }

    // YAML null is written as nothing, ~, or null/Null/NULL when unquoted.
    private static string? ScalarValue(YamlScalarNode scalar)
    {
        if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is "" or "~" or "null" or "Null" or "NULL" or null)
        {
            return null;
        }

        return scalar.Value;
    }

    private static bool IsStandardTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) || tag is "!" or "!!str" or "!!int" or "!!float" or "!!bool" or "!!null" or "!!map" or "!!seq";

    private static SourceLocation Position(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: a, Col: b, Idx: c) - (Line: ...): ", which we report separately.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
