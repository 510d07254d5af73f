using System.CommandLine;
using System.CommandLine.Invocation;
using SiteAgent.Core.Backends;

namespace SiteAgent.Commands;

/// <summary>The root command: runs the agent (<c>-m MODE -c FILE</c>, as the reference does) and holds every subcommand.</summary>
public static class RootCommandFactory
{
    /// <summary>Creates the whole command tree.</summary>
    public static RootCommand Create(CommandServices services)
    {
        var root = new RootCommand(
            "Waldur Site Agent: connects this site's resource manager to Waldur Mastermind. Without a subcommand it " +
            "runs the agent in the mode given by -m (one process per mode, e.g. under systemd). " + ExitCodes.HelpText);
        root.Options.Add(services.Options.ConfigFile);
        root.Options.Add(services.Options.Mode);
        root.Options.Add(services.Options.LogFormat);
        root.Options.Add(services.Options.DryRun);
        root.Options.Add(services.Options.Once);
        ReplaceVersionAction(root, services.Output, services.Catalog);

        root.Subcommands.Add(ConfigCommands.Create(services));
        root.Subcommands.Add(BackendsCommand.Create(services));
        foreach (var command in PlannedCommands.Create(services))
        {
            root.Subcommands.Add(command);
        }

        root.SetAction((parse, cancellation) => RunCommand.RunAsync(services.Context(parse, logToStandardError: false), cancellation));
        return root;
    }

    private static void ReplaceVersionAction(RootCommand root, TextWriter output, BackendCatalog catalog)
    {
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersionAction(output, catalog);
            }
        }
    }

    /// <summary>What a bug report needs: version, commit, runtime and the backends this binary was built with.</summary>
    private sealed class PrintVersionAction(TextWriter output, BackendCatalog catalog) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var backends = catalog.All.Count == 0 ? "(none)" : string.Join(", ", catalog.All.Select(b => $"{b.Id} {b.Version}"));
            output.WriteLine($"waldur-site-agent {AgentVersion.Current}");
            output.WriteLine($"commit:   {AgentVersion.Commit}");
            output.WriteLine($"runtime:  {AgentVersion.Runtime}");
            output.WriteLine($"backends: {backends}");
            return ExitCodes.Success;
        }
    }
}
