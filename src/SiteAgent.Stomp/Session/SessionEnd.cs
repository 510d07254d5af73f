namespace SiteAgent.Stomp.Session;

/// <summary>How one connection ended.</summary>
internal sealed record SessionEnd(StompDisconnectReason Reason, string Detail, string? BrokerMessage = null);

/// <summary>A connection attempt failed before the session was established.</summary>
internal sealed class SessionFailedException(SessionEnd end) : Exception(end.Detail)
{
    public SessionEnd End { get; } = end;
}
