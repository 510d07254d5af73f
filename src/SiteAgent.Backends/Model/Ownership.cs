namespace SiteAgent.Backends.Model;

/// <summary>Whether the backend object under a resource's backend id is that resource's own.</summary>
public enum OwnershipState
{
    /// <summary>It exists and is the resource's own: limits, removal and membership changes may touch it.</summary>
    Owned,

    /// <summary>Nothing exists under the id.</summary>
    Absent,

    /// <summary>Something exists under the id but belongs to something else; nothing may be written to it.</summary>
    NotOwned,
}

/// <summary>The answer of an ownership check.</summary>
/// <param name="State">Owned, absent, or another's.</param>
/// <param name="Reason">For <see cref="OwnershipState.NotOwned"/>: what the object is instead, naming it.</param>
public sealed record Ownership(OwnershipState State, string Reason)
{
    /// <summary>The resource's own.</summary>
    public static Ownership Owned { get; } = new(OwnershipState.Owned, string.Empty);

    /// <summary>Nothing under the id.</summary>
    public static Ownership Absent { get; } = new(OwnershipState.Absent, string.Empty);

    /// <summary>Another's, for <paramref name="reason"/>.</summary>
    public static Ownership NotOwned(string reason) => new(OwnershipState.NotOwned, reason);
}

/// <summary>Why limits computed from a resource are applied again, which decides what happens to caps the resource does not set.</summary>
public enum LimitReapplication
{
    /// <summary>An Update (plan switch, new limits): caps the resource does not set stay as they are.</summary>
    Update,

    /// <summary>A Restore onto an account that still exists (soft deletion zeroed every cap): caps the resource does not set are lifted.</summary>
    Restore,
}
