using SiteAgent.Core.Observability;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Operator;

/// <summary>
/// A plain-text table with columns padded to their widest cell; the last column is not padded so
/// long reasons do not push the line. A row may carry an ANSI colour for its first cell.
/// </summary>
public sealed class TextTable(IReadOnlyList<string> headers)
{
    private const string Reset = "\u001b[0m";
    private readonly List<(string[] Cells, string? Colour)> _rows = [];

    /// <summary>
    /// Adds a row; missing cells are empty. Line breaks in cells become spaces so each row stays one line,
    /// and every cell passes the secret redactor: a token can hide in any config value (a name, a label).
    /// </summary>
    public void AddRow(IReadOnlyList<string> cells, string? colour = null) =>
        _rows.Add((headers.Select((_, i) => i < cells.Count ? SecretRedactor.Shared.Redact(cells[i]).ReplaceLineEndings(" ") : string.Empty).ToArray(), colour));

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Writes the header, a rule and the rows.</summary>
    public void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r.Cells[i].Length))).ToArray();
        WriteRow(output, headers, widths, null);
        output.WriteLine(string.Join("  ", widths.Select((w, i) => new string('-', i == widths.Length - 1 ? Math.Min(w, 40) : w))));
        foreach (var (cells, colour) in _rows)
        {
            WriteRow(output, cells, widths, colour);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths, string? colour)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var last = i == cells.Count - 1;
            var text = last ? cells[i] : cells[i].PadRight(widths[i]);
            output.Write(i == 0 && colour is not null ? colour + text + Reset : text);
            if (!last)
            {
                output.Write("  ");
            }
        }

        output.WriteLine();
    }
}
