using System.Text;
using System.Text.Json;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Core.Operator;

/// <summary>
/// Where a <c>load-historical-usage</c> run stands: the offering, the range, whether stale records are
/// reconciled, and the last month it completed. Written after every completed month (to a temporary file, then renamed, so a crash never
/// leaves half a file), so a backfill that dies halfway resumes after its last completed month. A run
/// with <c>--reconcile-stale</c> is another run than one without: a month completed without zeroing
/// stale records is not done for a run that must zero them.
/// </summary>
public sealed record BackfillState(Guid Offering, string Start, string End, string? LastCompleted, bool ReconcileStale = false)
{
    /// <summary>The state in <paramref name="path"/>, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file is not a state file.</exception>
    public static BackfillState? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return new BackfillState(
                Guid.Parse(root.GetProperty("offering_uuid").GetString()!),
                root.GetProperty("start").GetString()!,
                root.GetProperty("end").GetString()!,
                root.TryGetProperty("last_completed_month", out var last) && last.ValueKind == JsonValueKind.String ? last.GetString() : null,
                root.TryGetProperty("reconcile_stale", out var reconcile) && reconcile.ValueKind == JsonValueKind.True);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentNullException)
        {
            throw new InvalidDataException($"{path} is not a load-historical-usage state file ({JsonErrorText.MessageOf(e)}); move it away or pass --restart", e);
        }
    }

    /// <summary>True when the state belongs to the same offering, range and reconciliation choice.</summary>
    public bool SameRun(Guid offering, string start, string end, bool reconcileStale) =>
        Offering == offering && Start == start && End == end && ReconcileStale == reconcileStale;

    /// <summary>Writes the state atomically.</summary>
    public void Write(string path)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("offering_uuid", Offering.ToString("N"));
            json.WriteString("start", Start);
            json.WriteString("end", End);
            json.WriteString("last_completed_month", LastCompleted);
            json.WriteBoolean("reconcile_stale", ReconcileStale);
            json.WriteEndObject();
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
