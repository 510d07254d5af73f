using System.Diagnostics;

namespace SiteAgent.Testing;

/// <summary>Starts the processes of <see cref="ProcessRunner"/> and <see cref="RunningProcess"/> the same way.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="program"/> with an argument vector (no shell), both output streams redirected
    /// and standard input already closed, in <paramref name="workingDirectory"/> (default: the current one).
    /// </summary>
    public static Process Start(
        string program,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tests must not inherit the developer's log settings; a test that wants them passes them in environment.
        start.Environment.Remove("WALDUR_SITE_AGENT_LOG_LEVEL");
        start.Environment.Remove("WALDUR_SITE_AGENT_LOG_FORMAT");
        start.Environment.Remove("JOURNAL_STREAM");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        process.StandardInput.Close();
        return process;
    }
}
