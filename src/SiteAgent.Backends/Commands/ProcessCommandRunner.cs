using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SiteAgent.Backends.Commands;

/// <summary>Runs commands as child processes: argument vector, no shell, stdin closed, time limit, output cap.</summary>
/// <remarks>
/// Standard input is redirected and closed at once so that a program that asks a question reads
/// end-of-file. That alone does not make every program give up (sacctmgr without <c>--immediate</c>
/// prints <c>Y or N please</c> forever, 14 MB in 5 s), so the time limit and the output cap both kill
/// the whole process tree.
/// </remarks>
public sealed class ProcessCommandRunner : ICommandRunner
{
    /// <summary>Time limit for commands whose spec names none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Default cap on captured output (both streams together), in bytes.</summary>
    public const int DefaultOutputCapBytes = 16 * 1024 * 1024;

    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private readonly TimeSpan _defaultTimeout;
    private readonly int _outputCapBytes;

    /// <summary>Creates a runner.</summary>
    /// <param name="logger">Where each command is logged at Debug with its elapsed time and exit code.</param>
    /// <param name="defaultTimeout">Limit for specs without their own; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="outputCapBytes">Output beyond this is cut, the process killed and the result marked truncated.</param>
    public ProcessCommandRunner(ILogger? logger = null, TimeSpan? defaultTimeout = null, int outputCapBytes = DefaultOutputCapBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCapBytes, 1);
        _logger = logger ?? NullLogger.Instance;
        _defaultTimeout = defaultTimeout ?? DefaultTimeout;
        _outputCapBytes = outputCapBytes;
    }

    /// <inheritdoc />
    /// <exception cref="BackendException">The program is missing or cannot be started, or it ran past its time limit.</exception>
    public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(command) };
        var timeout = command.Timeout ?? _defaultTimeout;
        var stopwatch = Stopwatch.StartNew();
        Start(process, command);
        command.OnStarted?.Invoke(process.Id);
        process.StandardInput.Close();

        var output = new MergedOutput(_outputCapBytes);
        using var capped = new CancellationTokenSource();
        output.CapReached += capped.Cancel;
        var pumps = Task.WhenAll(
            output.PumpAsync(process.StandardOutput.BaseStream),
            output.PumpAsync(process.StandardError.BaseStream));

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, capped.Token);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await pumps.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await pumps.WaitAsync(DrainGrace, CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!output.Truncated)
            {
                CommandLog.CommandTimedOut(_logger, command.Display, timeout.TotalSeconds);
                throw new CommandTimeoutException($"Command timed out after {timeout.TotalSeconds:0.#} s and was killed: {command.Display}");
            }

            CommandLog.CommandOutputCapped(_logger, command.Display, _outputCapBytes);
        }

        stopwatch.Stop();
        var exitCode = process.HasExited ? process.ExitCode : -1;
        CommandLog.CommandFinished(_logger, command.Display, Math.Round(stopwatch.Elapsed.TotalMilliseconds, 2), exitCode);
        return new CommandResult(exitCode, output.Text, output.Truncated, stopwatch.Elapsed);
    }

    private static ProcessStartInfo StartInfo(CommandSpec command)
    {
        var info = new ProcessStartInfo(command.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (command.Environment is { } environment)
        {
            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    private void Start(Process process, CommandSpec command)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            CommandLog.CommandFailedToStart(_logger, command.Program, e.Message);
            // ENOENT (2): the program, or a directory on its path, does not exist.
            throw e.NativeErrorCode == 2
                ? new BackendException($"Command not found: {command.Program}", e)
                : new BackendException($"Cannot start {command.Program}: {e.Message}", e);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
        catch (Win32Exception)
        {
            // A child that vanished while the tree was walked; the rest was signalled.
        }
    }
}
