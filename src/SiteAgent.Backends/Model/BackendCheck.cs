namespace SiteAgent.Backends.Model;

/// <summary>How one check ended: passed, passed with something the operator should look at, or failed.</summary>
public enum CheckStatus
{
    /// <summary>Passed.</summary>
    Ok,

    /// <summary>Passed, but something needs the operator's attention.</summary>
    Warn,

    /// <summary>Failed: the agent cannot work as configured.</summary>
    Fail,
}

/// <summary>One line of a diagnostics report: what was checked, how it ended, and why.</summary>
/// <param name="Name">What was checked, e.g. <c>slurmdbd answering</c>.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Reason">What was found, or what is wrong and what to do about it.</param>
public sealed record BackendCheck(string Name, CheckStatus Status, string Reason)
{
    /// <summary>A passed check.</summary>
    public static BackendCheck Ok(string name, string reason) => new(name, CheckStatus.Ok, reason);

    /// <summary>A check that needs attention.</summary>
    public static BackendCheck Warn(string name, string reason) => new(name, CheckStatus.Warn, reason);

    /// <summary>A failed check.</summary>
    public static BackendCheck Fail(string name, string reason) => new(name, CheckStatus.Fail, reason);
}
