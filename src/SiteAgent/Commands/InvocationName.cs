namespace SiteAgent.Commands;

/// <summary>The name the binary was invoked under (argv[0]), which decides whether it acts as a reference command.</summary>
/// <remarks>
/// <see cref="Environment.ProcessPath"/> and, in a Native AOT binary, <c>GetCommandLineArgs()[0]</c> resolve
/// symlinks to the real file, so a <c>waldur_site_diagnostics</c> symlink would look like the main binary.
/// The kernel keeps argv[0] as typed in /proc/self/cmdline.
/// </remarks>
public static class InvocationName
{
    /// <summary>argv[0] of this process.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        try
        {
            var cmdline = File.ReadAllBytes("/proc/self/cmdline");
            var end = Array.IndexOf(cmdline, (byte)0);
            if (end > 0)
            {
                return System.Text.Encoding.UTF8.GetString(cmdline, 0, end);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Environment.GetCommandLineArgs() is [var first, ..] ? first : Environment.ProcessPath ?? "waldur-site-agent";
    }
}
