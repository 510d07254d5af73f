using System.Text;
using System.Text.Json;
using SiteAgent.Backends.Model;
using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Operator;

/// <summary>One line of a report: where (config, an offering), what was checked, how it ended and why.</summary>
public sealed record CheckLine(string Scope, string Name, CheckStatus Status, string Reason);

/// <summary>
/// The results of a run of checks, printed as an aligned table for a person or as JSON for a
/// machine. Every reason passes through the secret redactor on the way out.
/// </summary>
public sealed class CheckReport
{
    private readonly List<CheckLine> _lines = [];

    /// <summary>The lines so far.</summary>
    public IReadOnlyList<CheckLine> Lines => _lines;

    /// <summary>True when no check failed (warnings do not fail).</summary>
    public bool Passed => _lines.TrueForAll(l => l.Status != CheckStatus.Fail);

    /// <summary>Adds a line.</summary>
    public void Add(string scope, string name, CheckStatus status, string reason) => _lines.Add(new CheckLine(scope, name, status, reason));

    /// <summary>Adds a backend's results under <paramref name="scope"/>.</summary>
    public void AddRange(string scope, IEnumerable<BackendCheck> checks)
    {
        foreach (var check in checks)
        {
            Add(scope, check.Name, check.Status, check.Reason);
        }
    }

    /// <summary>The count of lines with <paramref name="status"/>.</summary>
    public int Count(CheckStatus status) => _lines.Count(l => l.Status == status);

    /// <summary>Writes the table: one line per check, the status first so that FAIL stands out, then a summary line.</summary>
    public void WriteTable(TextWriter output, bool colour)
    {
        var table = new TextTable(["STATUS", "SCOPE", "CHECK", "REASON"]);
        foreach (var line in _lines)
        {
            table.AddRow([StatusText(line.Status), line.Scope, line.Name, Redact(line.Reason)], colour ? Colour(line.Status) : null);
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"{Count(CheckStatus.Ok)} ok, {Count(CheckStatus.Warn)} warning(s), {Count(CheckStatus.Fail)} failed");
    }

    /// <summary>Writes <c>{"passed", "ok", "warnings", "failed", "checks": [{scope, check, status, reason}]}</c>.</summary>
    public void WriteJson(TextWriter output)
    {
        RedactedJson.Print(output, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", Passed);
            json.WriteNumber("ok", Count(CheckStatus.Ok));
            json.WriteNumber("warnings", Count(CheckStatus.Warn));
            json.WriteNumber("failed", Count(CheckStatus.Fail));
            json.WriteStartArray("checks");
            foreach (var line in _lines)
            {
                json.WriteStartObject();
                json.WriteRedacted("scope", line.Scope);
                json.WriteRedacted("check", line.Name);
                json.WriteString("status", StatusText(line.Status));
                json.WriteRedacted("reason", line.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>OK, WARN or FAIL.</summary>
    public static string StatusText(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "OK",
        CheckStatus.Warn => "WARN",
        _ => "FAIL",
    };

    private static string Redact(string text) => SecretRedactor.Shared.Redact(text);

    private static string Colour(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "\u001b[32m",
        CheckStatus.Warn => "\u001b[33m",
        _ => "\u001b[1;31m",
    };
}
