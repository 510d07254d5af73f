using SiteAgent.Commands;

return await AgentCommandLine.RunAsync(args, Environment.ProcessPath ?? Environment.GetCommandLineArgs()[0]).ConfigureAwait(false);
