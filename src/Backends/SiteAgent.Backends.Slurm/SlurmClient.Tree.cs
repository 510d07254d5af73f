namespace SiteAgent.Backends.Slurm;

/// <summary>The association tree as the accounting database links it (diagnostics and drift).</summary>
public sealed partial class SlurmClient
{
    /// <summary>Every association of the configured cluster with its id and parent id: one read.</summary>
    public async Task<IReadOnlyList<TreeAssociation>> ReadAssociationTreeAsync(CancellationToken cancellationToken) =>
        SlurmParser.ParseAssociationTree(await ReadAsync(
            SacctmgrReadOnly(["show", "association", .. Cluster, "format=ID,ParentID,Account,User"]), cancellationToken).ConfigureAwait(false));

    /// <summary>Where a SLURM program would be run from, or null when it is not found or not executable.</summary>
    public string? FindProgram(string name)
    {
        var directories = _settings.BinPath.Length > 0
            ? [_settings.BinPath]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in directories)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path) && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return path;
            }
        }

        return null;
    }
}
