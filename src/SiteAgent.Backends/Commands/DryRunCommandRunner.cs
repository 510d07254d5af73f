using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SiteAgent.Backends.Commands;

/// <summary>
/// The runner for <c>--dry-run</c>: executes <see cref="CommandEffect.Read"/> commands through the inner
/// runner, and only records <see cref="CommandEffect.Write"/> commands, answering them with success and
/// empty output.
/// </summary>
/// <remarks>
/// Because writes report success without output, a backend in dry-run mode follows its "it worked"
/// path; later reads still show the unchanged state, so a plan may contain steps a real run would skip.
/// </remarks>
public sealed class DryRunCommandRunner(ICommandRunner inner, ILogger? logger = null, Action<CommandSpec>? onPlanned = null) : ICommandRunner
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Lock _gate = new();
    private readonly List<CommandSpec> _planned = [];

    /// <summary>The write commands that would have run, in order.</summary>
    public IReadOnlyList<CommandSpec> Planned
    {
        get
        {
            lock (_gate)
            {
                return _planned.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        if (command.Effect == CommandEffect.Read)
        {
            return inner.RunAsync(command, cancellationToken);
        }

        lock (_gate)
        {
            _planned.Add(command);
        }

        CommandLog.CommandPlanned(_logger, command.Display);
        onPlanned?.Invoke(command);
        return Task.FromResult(new CommandResult(0, string.Empty, false, TimeSpan.Zero));
    }
}
