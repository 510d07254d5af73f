using System.CommandLine;
using System.CommandLine.Invocation;
using SiteAgent.Core.Backends;
using SiteAgent.Generated;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Commands;

/// <summary>Builds the command tree and runs one invocation.</summary>
public static class AgentCommandLine
{
    /// <summary>Parses and runs <paramref name="args"/> as invoked through <paramref name="programPath"/>.</summary>
    public static async Task<int> RunAsync(string[] args, string programPath, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var (arguments, legacy) = LegacyNames.Translate(programPath, args);
        var services = new CommandServices(new BackendCatalog(BackendRegistry.All), legacy, output, error);
        var root = RootCommandFactory.Create(services);
        var parse = root.Parse(arguments);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"Try '{Path.GetFileName(programPath)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync("error: " + SecretRedactor.Shared.Redact(ex.Message)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}

/// <summary>What every command's action needs to build its <see cref="CommandContext"/>.</summary>
public sealed record CommandServices(BackendCatalog Catalog, bool LegacyInvocation, TextWriter Output, TextWriter Error)
{
    /// <summary>The shared option definitions (one instance per command tree).</summary>
    public CommonOptions Options { get; } = new();

    /// <summary>A context for one parsed invocation.</summary>
    public CommandContext Context(ParseResult parse, bool logToStandardError) =>
        new(parse, Options, Catalog, LegacyInvocation, Output, Error) { LogToStandardError = logToStandardError };
}
