using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm.Tests.Support;

/// <summary>Answers commands with recorded outputs (the fixtures) and records what was asked: for argv-level tests.</summary>
internal sealed class ReplayRunner : ICommandRunner
{
    private readonly List<(Func<CommandSpec, bool> Match, CommandResult Result)> _answers = [];

    public List<CommandSpec> Commands { get; } = [];

    public IEnumerable<string> Lines => Commands.Select(c => string.Join(' ', new[] { c.Program }.Concat(c.Arguments)));

    /// <summary>Answers commands containing all <paramref name="words"/> (as argv elements) with the fixture's text.</summary>
    public ReplayRunner On(string[] words, string fixture, int exitCode = 0) =>
        OnText(words, Fixture.Text(fixture), exitCode);

    public ReplayRunner OnText(string[] words, string text, int exitCode = 0)
    {
        _answers.Add((c => words.All(w => c.Arguments.Contains(w) || c.Program.EndsWith(w, StringComparison.Ordinal)), new CommandResult(exitCode, text, false, TimeSpan.Zero)));
        return this;
    }

    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        foreach (var (match, result) in Enumerable.Reverse(_answers))
        {
            if (match(command))
            {
                return Task.FromResult(result);
            }
        }

        return Task.FromResult(new CommandResult(0, string.Empty, false, TimeSpan.Zero));
    }
}

/// <summary>Wraps a real runner and records every command, so a test can prove that nothing ran.</summary>
internal sealed class RecordingRunner(ICommandRunner inner) : ICommandRunner
{
    private readonly Lock _gate = new();
    private readonly List<CommandSpec> _commands = [];

    public IReadOnlyList<CommandSpec> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands.ToArray();
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _commands.Clear();
        }
    }

    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _commands.Add(command);
        }

        return inner.RunAsync(command, cancellationToken);
    }
}

/// <summary>
/// A real runner that, right after a command matching <paramref name="trigger"/> has run, awaits
/// <paramref name="between"/> before handing back the result: forces another writer into the gap a
/// test wants to probe.
/// </summary>
internal sealed class InterleavingRunner(ICommandRunner inner, Func<CommandSpec, bool> trigger, Func<Task> between) : ICommandRunner
{
    private int _fired;

    public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        var result = await inner.RunAsync(command, cancellationToken);
        if (trigger(command) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await between();
        }

        return result;
    }
}
