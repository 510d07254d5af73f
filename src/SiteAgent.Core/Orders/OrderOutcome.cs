namespace SiteAgent.Core.Orders;

/// <summary>What happened to one order in one cycle.</summary>
public enum OrderOutcome
{
    /// <summary>Set to done.</summary>
    Done,

    /// <summary>Set to erred.</summary>
    Erred,

    /// <summary>Rejected by the provider's backend.</summary>
    Rejected,

    /// <summary>Left as it was (pending, not finished, transient failure, not ready).</summary>
    Left,

    /// <summary>Nothing to do (terminal or unexpected state).</summary>
    Skipped,
}
