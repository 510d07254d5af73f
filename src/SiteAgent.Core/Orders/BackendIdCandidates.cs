namespace SiteAgent.Core.Orders;

/// <summary>
/// The backend ids to try for a new resource: <c>lower(allocation_prefix + base)</c>,
/// then <c>base-0</c>, <c>base-1</c>… where the base is the resource slug, or the project slug under the
/// <c>project_slug</c> account-name policy.
/// </summary>
/// <remarks>
/// The reference switched to project-slug candidates after a collision even under the default policy,
/// and retried the same id when a uniqueness check said no; retries here stay on the active policy's base.
/// </remarks>
public static class BackendIdCandidates
{
    /// <summary>The account-name policy that bases ids on the project slug.</summary>
    public const string ProjectSlugPolicy = "project_slug";

    /// <summary>The candidates in order; at most <paramref name="attempts"/> of them.</summary>
    public static IEnumerable<string> For(string allocationPrefix, string baseName, int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var candidate = i == 0 ? baseName : $"{baseName}-{i - 1}";
            yield return (allocationPrefix + candidate).ToLowerInvariant();
        }
    }

    /// <summary>How many creations to try: one, unless uniqueness checks or the project-slug policy can make a candidate unusable.</summary>
    public static int Attempts(bool projectSlugPolicy, bool uniquenessCheck, int maxRetries) =>
        projectSlugPolicy || uniquenessCheck ? Math.Max(1, maxRetries) : 1;

    /// <summary>
    /// How many candidates may be looked at: at least <paramref name="attempts"/>, and <c>backend_id_max_retries</c>.
    /// A candidate that something else already owns (it exists, another resource holds it, it is the id of
    /// the order's project account) is passed over without using an attempt, so that one-attempt policies
    /// do not err an order whose first candidate was never free.
    /// </summary>
    public static int Candidates(int attempts, int maxRetries) => Math.Max(attempts, Math.Max(1, maxRetries));
}
