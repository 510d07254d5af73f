namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>
/// A bin directory whose sacctmgr, sacct, scancel and sinfo record their argument vector and then run
/// the real program, so a test can prove which values reached a command line. Test tooling only:
/// the agent itself never runs anything through a shell. It can make one <c>add account</c> fail. Nothing to dispose: the bin directory lies under
/// the caller's directory, which its owner deletes (the tests pass the harness's).
/// </summary>
internal sealed class SacctmgrRecorder
{
    private const char Separator = '\u001f';

    private SacctmgrRecorder(string directory)
    {
        BinPath = directory;
        LogPath = Path.Combine(directory, "invocations.log");
    }

    /// <summary>The directory to configure as <c>slurm_bin_path</c>.</summary>
    public string BinPath { get; }

    private string LogPath { get; }

    /// <summary>Creates the bin directory under <paramref name="parent"/>.</summary>
    /// <param name="parent">The directory to create it in (the caller's, deleted by its owner).</param>
    /// <param name="failAddAccountOnce">
    /// An account id whose first <c>sacctmgr add account</c> fails, as slurmdbd refusing it would (exit 1,
    /// nothing created); later adds of it run normally. Null: nothing fails.
    /// </param>
    public static SacctmgrRecorder Create(string parent, string? failAddAccountOnce = null)
    {
        var directory = Path.Combine(parent, "slurm-bin");
        Directory.CreateDirectory(directory);
        var recorder = new SacctmgrRecorder(directory);
        foreach (var program in new[] { "sacctmgr", "sacct", "scancel", "sinfo" })
        {
            var path = Path.Combine(directory, program);
            var fault = program == "sacctmgr" && failAddAccountOnce is not null
                ? $"case \" $* \" in *\" add account {failAddAccountOnce} \"*) if [ ! -e '{directory}/failed-once' ]; then touch '{directory}/failed-once'; " +
                  "echo ' Problem adding accounts: injected failure'; exit 1; fi;; esac\n"
                : string.Empty;
            File.WriteAllText(path, $"#!/bin/bash\nprintf '%s\\037' \"$0\" \"$@\" >> '{recorder.LogPath}'\nprintf '\\n' >> '{recorder.LogPath}'\n{fault}exec /usr/bin/{program} \"$@\"\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return recorder;
    }

    /// <summary>Every recorded invocation as its arguments joined by spaces.</summary>
    public IReadOnlyList<string> Invocations() => File.Exists(LogPath)
        ? File.ReadAllLines(LogPath).Select(line => string.Join(' ', line.Split(Separator, StringSplitOptions.RemoveEmptyEntries))).ToList()
        : [];
}
