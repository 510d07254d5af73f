using System.CommandLine;
using System.CommandLine.Invocation;

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
        ReplaceVersionAction(root, services);

        root.Subcommands.Add(ConfigCommands.Create(services));
        root.Subcommands.Add(BackendsCommand.Create(services));
        root.Subcommands.Add(DiagnosticsCommand.Create(services));
        root.Subcommands.Add(HealthzCommand.Create(services));
        root.Subcommands.Add(LoadComponentsCommand.Create(services));
        root.Subcommands.Add(DriftCommand.Create(services));
        root.Subcommands.Add(DiagnoseAccountCommand.Create(services));
        root.Subcommands.Add(HistoricalUsageCommand.Create(services));
        root.Subcommands.Add(TestOrderCommand.Create(services));
        foreach (var command in SyncCommands.Create(services))
        {
            root.Subcommands.Add(command);
        }

        root.SetAction((parse, cancellation) => RunCommand.RunAsync(services.Context(parse, logToStandardError: false), cancellation));
        return root;
    }

    private static void ReplaceVersionAction(RootCommand root, CommandServices services)
    {
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersionAction(services);
            }
        }
    }

    /// <summary>The version line the reference prints, then what an operator needs in a bug report.</summary>
    private sealed class PrintVersionAction(CommandServices services) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            services.Output.WriteLine($"waldur-site-agent {AgentVersion.Current}");
            services.Output.WriteLine($"commit: {AgentVersion.Commit}");
            services.Output.WriteLine($"runtime: {AgentVersion.Runtime}");
            services.Output.WriteLine($"backends: {services.Catalog.IdList}");
            return ExitCodes.Success;
        }
    }
}
