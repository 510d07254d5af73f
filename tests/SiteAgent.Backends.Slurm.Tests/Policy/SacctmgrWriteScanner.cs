using System.Text.RegularExpressions;

namespace SiteAgent.Backends.Slurm.Tests.Policy;

/// <summary>One place in a file that starts a sacctmgr write.</summary>
internal sealed record SacctmgrWriteSite(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line}: {Text}";
}

/// <summary>
/// Finds code that starts a sacctmgr write (add, create, modify, update, remove, delete, …) in C# and
/// in shell scripts, so that a test can insist those writes go through the one helper that takes the
/// agent's host-wide lock.
/// </summary>
/// <remarks>
/// A text scan, not a compiler: it knows the ways this repository starts processes. In C#, a statement
/// that starts a process or builds a command (<c>Process.Start</c>, <c>RunAsync(</c>, <c>CommandSpec(</c>, …)
/// is a write when it names sacctmgr (a string such as <c>"/usr/bin/sacctmgr"</c> or an identifier
/// <c>Sacctmgr</c>) together with a write verb as a string of its own or <c>CommandEffect.Write</c>, or
/// when one of its strings holds a whole <c>sacctmgr … remove</c> command line. In a script, a command
/// is a write when <c>sacctmgr</c> is one of its words and a write verb follows.
/// </remarks>
internal static partial class SacctmgrWriteScanner
{
    private static readonly HashSet<string> WriteVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "add", "create", "modify", "update", "remove", "delete", "load", "archive", "clear", "reconfigure", "shutdown",
    };

    /// <summary>Writes started by C# source text.</summary>
    /// <remarks>Statements end at <c>;</c> and at lines holding only braces (this code puts block braces on their own lines).</remarks>
    public static IEnumerable<SacctmgrWriteSite> InCSharp(string file, string text)
    {
        var lines = text.Split('\n');
        var statement = new System.Text.StringBuilder();
        var first = 0;
        var empty = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = CommentLine().Replace(lines[i], string.Empty);
            if (BraceLine().IsMatch(line))
            {
                line = ";";
            }

            foreach (var piece in line.Split(';').Select((text, index) => (text, index)))
            {
                if (piece.index > 0)
                {
                    if (IsCSharpWrite(statement.ToString()))
                    {
                        yield return new SacctmgrWriteSite(file, first, Flatten(statement.ToString()));
                    }

                    statement.Clear();
                    empty = true;
                }

                if (piece.text.Trim().Length > 0)
                {
                    first = empty ? i + 1 : first;
                    empty = false;
                }

                statement.Append(piece.text).Append(' ');
            }
        }

        if (IsCSharpWrite(statement.ToString()))
        {
            yield return new SacctmgrWriteSite(file, first, Flatten(statement.ToString()));
        }
    }

    /// <summary>Writes started by a shell script (or any text a shell runs: CI steps, spec files).</summary>
    public static IEnumerable<SacctmgrWriteSite> InShell(string file, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var first = i + 1;
            var logical = lines[i];
            while (logical.EndsWith('\\') && i + 1 < lines.Length)
            {
                logical = logical[..^1] + " " + lines[++i];
            }

            foreach (var command in ShellSeparator().Split(ShellComment().Replace(logical, string.Empty)))
            {
                var words = command.Split([' ', '\t', '(', ')', '"', '\'', '`', '$', '{', '}'], StringSplitOptions.RemoveEmptyEntries);
                var program = Array.FindIndex(words, w => w == "sacctmgr" || w.EndsWith("/sacctmgr", StringComparison.Ordinal));
                if (program >= 0 && words.Skip(program + 1).Any(WriteVerbs.Contains))
                {
                    yield return new SacctmgrWriteSite(file, first, command.Trim());
                }
            }
        }
    }

    private static bool IsCSharpWrite(string statement)
    {
        var strings = StringLiteral().Matches(statement).Select(m => m.Groups["text"].Value).ToList();
        if (!ProcessStart().IsMatch(statement))
        {
            return false;
        }

        var namesSacctmgr = strings.Any(s => SacctmgrWord().IsMatch(s)) || SacctmgrIdentifier().IsMatch(statement);
        var writeMarker = strings.Any(WriteVerbs.Contains) || statement.Contains("CommandEffect.Write", StringComparison.Ordinal);

        // Program and verb as separate arguments, or a whole command line in one string (for a shell, say).
        return (namesSacctmgr && writeMarker)
            || strings.Any(s => SacctmgrWord().IsMatch(s) && s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(WriteVerbs.Contains));
    }

    private static string Flatten(string statement) => Whitespace().Replace(statement.Trim(), " ");

    [GeneratedRegex(@"^\s*//.*$|\s//\s.*$")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"^\s*[{}][;,)]*\s*$")]
    private static partial Regex BraceLine();

    [GeneratedRegex(@"(^|\s)#[^\n]*")]
    private static partial Regex ShellComment();

    [GeneratedRegex(@"\|\||&&|[;|&]")]
    private static partial Regex ShellSeparator();

    [GeneratedRegex("\"(?<text>(?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(^|[\s/])sacctmgr(\s|$)")]
    private static partial Regex SacctmgrWord();

    [GeneratedRegex(@"\bSacctmgr\b")]
    private static partial Regex SacctmgrIdentifier();

    [GeneratedRegex(@"Process\.Start|ProcessStartInfo|RunningProcess\.Start|ChildProcess\.Start|\bRunAsync\(|\bCommandSpec\(|\bnew\(")]
    private static partial Regex ProcessStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
