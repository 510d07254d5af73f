namespace SiteAgent.Backends.Capabilities;

/// <summary>Creates home directories for users on a POSIX host (the <c>create-homedirs</c> command).</summary>
[BackendCapability(BackendCapabilities.UserHomeDirectories)]
public interface IHomeDirectoryBackend
{
    /// <summary>Creates missing home directories with the given octal umask; per-user failures are logged.</summary>
    Task CreateHomeDirectoriesAsync(IReadOnlyCollection<string> usernames, string umask, CancellationToken cancellationToken);
}
