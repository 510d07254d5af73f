namespace SiteAgent.Backends;

/// <summary>
/// The log event ids a backend assembly owns, declared once in that assembly
/// (<c>[assembly: LogEventIdRange(4000, 4199)]</c>), so that the event-id catalogue check finds every
/// backend of the registry without a list of backends of its own.
/// </summary>
/// <remarks>
/// Backends take ranges inside 4000–4999 (4200–4299 belong to the shared command runners of this
/// assembly); ranges never overlap and a shipped id is never renumbered.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class LogEventIdRangeAttribute : Attribute
{
    /// <summary>Declares the inclusive range <paramref name="first"/>–<paramref name="last"/>.</summary>
    public LogEventIdRangeAttribute(int first, int last)
    {
        First = first;
        Last = last;
    }

    /// <summary>The first id of the range.</summary>
    public int First { get; }

    /// <summary>The last id of the range (inclusive).</summary>
    public int Last { get; }
}
