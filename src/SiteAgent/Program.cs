using SiteAgent.Commands;

return await AgentCommandLine.RunAsync(args, InvocationName.Current).ConfigureAwait(false);
