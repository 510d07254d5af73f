using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace SiteAgent.Waldur.Secrets;

/// <summary>
/// Removes secrets from text the client emits (exception messages, logs, dry-run plans): the
/// configured token and client secret, every access token fetched, and in JSON the value of any
/// property whose name marks it as a secret.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    // Property names whose values are secrets in Waldur bodies (api_key of resource API keys,
    // token of service accounts) and in anything a caller might pass through free-form objects.
    private static readonly string[] SecretNameParts = ["secret", "password", "passcode", "token", "api_key", "apikey", "private_key", "credential"];

    private ImmutableArray<string> _secrets = [];

    /// <summary>Remembers a secret to remove; values shorter than 4 characters are ignored as too common.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        ImmutableInterlocked.Update(ref _secrets, static (list, s) => list.Contains(s) ? list : list.Add(s), secret);
    }

    /// <summary>The text with every known secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>True when a JSON property of this name holds a secret.</summary>
    public static bool IsSecretName(string name)
    {
        foreach (var part in SecretNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A compact copy of a JSON document with secret-named values masked and known secrets removed.</summary>
    public string RedactJson(ReadOnlySpan<byte> json)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        var reader = new Utf8JsonReader(json);
        using (var writer = new Utf8JsonWriter(output))
        {
            while (reader.Read())
            {
                Copy(ref reader, writer);
            }
        }

        return Redact(Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                var name = reader.GetString()!;
                writer.WritePropertyName(name);
                if (IsSecretName(name))
                {
                    reader.Read();
                    var isNull = reader.TokenType == JsonTokenType.Null;
                    reader.Skip();
                    if (isNull)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        writer.WriteStringValue(Mask);
                    }
                }

                break;
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonTokenType.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
        }
    }
}
