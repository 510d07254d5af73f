using SiteAgent.Backends.Commands;

namespace SiteAgent.Benchmarks.Report;

/// <summary>Answers sacct with a generated text from memory and counts the commands it was asked to run.</summary>
internal sealed class GeneratedSacct(string sacct) : ICommandRunner
{
    private int _sacct;
    private int _other;

    public int SacctCalls => _sacct;

    public int OtherCalls => _other;

    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        if (Path.GetFileName(command.Program) == "sacct")
        {
            Interlocked.Increment(ref _sacct);
            return Task.FromResult(new CommandResult(0, sacct, false, TimeSpan.Zero));
        }

        Interlocked.Increment(ref _other);
        return Task.FromResult(new CommandResult(0, string.Empty, false, TimeSpan.Zero));
    }
}
