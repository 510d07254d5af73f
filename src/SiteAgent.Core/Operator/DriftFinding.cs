namespace SiteAgent.Core.Operator;

/// <summary>The kinds of difference <c>drift</c> reports.</summary>
public static class DriftKinds
{
    /// <summary>A resource's backend account does not exist.</summary>
    public const string MissingAccount = "missing-account";

    /// <summary>An account under the agent's allocation prefix that no Waldur resource owns.</summary>
    public const string UnownedAccount = "unowned-account";

    /// <summary>The backend's limit differs from Waldur's.</summary>
    public const string LimitMismatch = "limit-mismatch";

    /// <summary>A team member with an offering username has no association.</summary>
    public const string MissingUser = "missing-user";

    /// <summary>An association of a user who is not in the team (nor a service or course account).</summary>
    public const string ExtraUser = "extra-user";

    /// <summary>The account's QoS does not match the resource's paused/downscaled state.</summary>
    public const string QosState = "qos-state";
}

/// <summary>One difference between what Waldur says the site should have and what the backend has.</summary>
/// <param name="Offering">The offering's name.</param>
/// <param name="Kind">One of <see cref="DriftKinds"/>.</param>
/// <param name="Account">The backend account.</param>
/// <param name="Subject">What differs: a user, a component, or empty.</param>
/// <param name="Waldur">What Waldur says.</param>
/// <param name="Backend">What the backend has.</param>
/// <param name="Resource">The Waldur resource, when one owns the account.</param>
public sealed record DriftFinding(string Offering, string Kind, string Account, string Subject, string Waldur, string Backend, Guid? Resource)
{
    /// <summary>What the repair did, after <c>--apply</c>: empty before.</summary>
    public string Repair { get; init; } = string.Empty;
}

/// <summary>Accounts and users the operator told <c>drift</c> to leave out; a trailing <c>*</c> matches a prefix.</summary>
public sealed class DriftIgnoreList(IReadOnlyList<string> accounts, IReadOnlyList<string> users)
{
    /// <summary>Nothing ignored.</summary>
    public static DriftIgnoreList None { get; } = new([], []);

    /// <summary>True when the finding's account or user is ignored.</summary>
    public bool Ignores(DriftFinding finding) =>
        Matches(accounts, finding.Account)
        || (finding.Kind is DriftKinds.MissingUser or DriftKinds.ExtraUser && Matches(users, finding.Subject));

    private static bool Matches(IReadOnlyList<string> patterns, string value) => patterns.Any(p =>
        p.EndsWith('*') ? value.StartsWith(p[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(p, value, StringComparison.OrdinalIgnoreCase));
}
