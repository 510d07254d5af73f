namespace SiteAgent.Backends.Commands;

/// <summary>Renders arguments the way a POSIX shell would need them, for display only: commands are never run through a shell.</summary>
public static class ShellQuoting
{
    /// <summary>The argument unchanged when it is plain, otherwise in single quotes.</summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ',' or ':' or '+' or '@' or '%';
}
