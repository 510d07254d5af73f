namespace SiteAgent.Backends.Commands;

/// <summary>Whether a command changes the backend; dry runs execute reads and only print writes.</summary>
public enum CommandEffect
{
    /// <summary>Only reads state.</summary>
    Read,

    /// <summary>Changes state.</summary>
    Write,
}

/// <summary>A program and its argument vector. Never a shell string.</summary>
/// <param name="Program">Absolute path or a name looked up on PATH.</param>
/// <param name="Arguments">Each element becomes exactly one argv entry.</param>
/// <param name="Effect">Read or write.</param>
/// <param name="Timeout">How long the command may run; the runner's default when null.</param>
public sealed record CommandSpec(string Program, IReadOnlyList<string> Arguments, CommandEffect Effect, TimeSpan? Timeout = null)
{
    /// <summary>The command as an administrator would type it, each argument quoted when needed (for logs and dry-run plans).</summary>
    public string Display => string.Join(' ', new[] { Program }.Concat(Arguments).Select(ShellQuoting.Quote));

    /// <summary>Variables set (or overridden) in the child's environment; the rest is inherited unchanged.</summary>
    /// <remarks>For example <c>TZ</c> for <c>sacct</c>, which reads its time window in its own local zone.</remarks>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Called with the child's pid as soon as it runs, before its output is read; runners that start no process never call it.</summary>
    /// <remarks>The SLURM write lock records the pid, so that a sacctmgr outliving a killed agent is waited for.</remarks>
    public Action<int>? OnStarted { get; init; }
}

/// <summary>What a finished command produced.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Standard output and error, interleaved as the program wrote them, decoded as UTF-8.</param>
/// <param name="Truncated">True when the output exceeded the runner's cap and was cut.</param>
/// <param name="Elapsed">Wall time the command took.</param>
public sealed record CommandResult(int ExitCode, string Output, bool Truncated, TimeSpan Elapsed)
{
    /// <summary>True when the exit code is 0.</summary>
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs commands for backends; implementations never use a shell.</summary>
public interface ICommandRunner
{
    /// <summary>Runs one command with stdin closed and returns its result; a failure to start throws <see cref="BackendException"/>.</summary>
    Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken);
}
