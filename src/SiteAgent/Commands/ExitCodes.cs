namespace SiteAgent.Commands;

/// <summary>Exit statuses of every command (documented in <c>--help</c> and the README).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The work failed: invalid config, unreachable service, failed checks.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown option, bad value, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>The command exists but this release does not provide it yet (sysexits EX_UNAVAILABLE).</summary>
    public const int NotYetAvailable = 69;

    /// <summary>Interrupted by Ctrl-C before finishing (one-shot commands).</summary>
    public const int Interrupted = 130;

    /// <summary>The text shown at the end of the root command's help.</summary>
    public const string HelpText =
        "Exit status: 0 success; 1 failure (invalid config, failed checks); 2 command-line error; " +
        "69 not yet available in this release; 130 interrupted.";
}
