using System.Text;
using System.Text.Json;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>One command the agent ran, from its Debug event 4200 (CommandLog.CommandFinished).</summary>
/// <param name="Arguments">The argument vector, program first, recovered from the logged display form.</param>
/// <param name="ElapsedMs">Wall time the shared runner measured around the child process.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="FinishedUtc">When the agent logged it, right after the command ended.</param>
internal sealed record RecordedCommand(IReadOnlyList<string> Arguments, double ElapsedMs, int ExitCode, DateTime FinishedUtc)
{
    /// <summary>When the command started, by the agent's clock.</summary>
    public DateTime StartedUtc => FinishedUtc - TimeSpan.FromMilliseconds(ElapsedMs);

    /// <summary>Program, verb and entity (<c>sacctmgr show association</c>; just <c>sacct</c>, which has no verb) for the per-kind table.</summary>
    public string Kind
    {
        get
        {
            var words = Arguments.Skip(1).Where(a => !a.StartsWith('-')).Take(2).ToList();
            return string.Join(' ', [Path.GetFileName(Arguments[0]), .. words]);
        }
    }

    /// <summary>True for sacctmgr commands that change the database (they take the write lock).</summary>
    public bool IsWrite => Arguments[0].EndsWith("sacctmgr", StringComparison.Ordinal)
        && Arguments.Skip(1).FirstOrDefault(a => !a.StartsWith('-')) is "add" or "create" or "modify" or "update" or "remove" or "delete";
}

/// <summary>What the agent's JSON log (<c>--log-format json</c>, one object per line) says about a run.</summary>
internal sealed class AgentLog
{
    private const int CommandFinished = 4200;

    /// <summary>Every command, in the order they finished (the agent runs them one after another).</summary>
    public List<RecordedCommand> Commands { get; } = [];

    /// <summary>Warning, Error and Critical entries, as "EventId: message".</summary>
    public List<string> Problems { get; } = [];

    /// <summary>True when some elapsed value has a fraction: a binary that logs whole milliseconds understates the time inside commands.</summary>
    public bool FractionalElapsed { get; private set; }

    /// <summary>Lines that were not JSON log entries.</summary>
    public int OtherLines { get; private set; }

    /// <summary>Reads one output line.</summary>
    public void Add(string line)
    {
        if (!line.StartsWith('{'))
        {
            OtherLines += line.Length > 0 ? 1 : 0;
            return;
        }

        using var entry = JsonDocument.Parse(line);
        var root = entry.RootElement;
        var eventId = root.GetProperty("EventId").GetInt32();
        var level = root.GetProperty("LogLevel").GetString();
        if (level is "Warning" or "Error" or "Critical")
        {
            Problems.Add($"{eventId}: {root.GetProperty("Message").GetString()}");
        }

        if (eventId == CommandFinished)
        {
            var state = root.GetProperty("State");
            var elapsed = state.GetProperty("ElapsedMs").GetDouble();
            FractionalElapsed |= elapsed != Math.Floor(elapsed);
            Commands.Add(new RecordedCommand(
                SplitShellWords(state.GetProperty("Command").GetString()!), elapsed, state.GetProperty("ExitCode").GetInt32(), root.GetProperty("Timestamp").GetDateTime()));
        }
    }

    /// <summary>
    /// Undoes ShellQuoting.Quote: words separated by spaces, single-quoted where they needed it, a quote
    /// inside written as <c>'\''</c>.
    /// </summary>
    public static IReadOnlyList<string> SplitShellWords(string display)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quoted = false;
        for (var i = 0; i < display.Length; i++)
        {
            var c = display[i];
            if (quoted)
            {
                if (c == '\'') quoted = false;
                else word.Append(c);
            }
            else if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                inWord = true;
                if (c == '\'') quoted = true;
                else if (c == '\\' && i + 1 < display.Length) word.Append(display[++i]);
                else word.Append(c);
            }
        }

        if (inWord) words.Add(word.ToString());
        return words;
    }
}
