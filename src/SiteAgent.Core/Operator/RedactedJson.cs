using System.Text;
using System.Text.Json;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Operator;

/// <summary>JSON output of the operator commands: every string passes the secret redactor, whatever field it came from.</summary>
public static class RedactedJson
{
    /// <summary>Writes a redacted string property.</summary>
    public static void WriteRedacted(this Utf8JsonWriter json, string name, string? value) =>
        json.WriteString(name, value is null ? null : SecretRedactor.Shared.Redact(value));

    /// <summary>Writes a redacted string array element.</summary>
    public static void WriteRedactedValue(this Utf8JsonWriter json, string value) => json.WriteStringValue(SecretRedactor.Shared.Redact(value));

    /// <summary>Builds an indented JSON document with <paramref name="write"/> and prints it.</summary>
    public static void Print(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
