namespace SiteAgent.Waldur;

/// <summary>
/// Automatic retries of one call class (reads or writes): exponential back-off with jitter on
/// connection errors, timeouts, HTTP 5xx and 429 (honouring <c>Retry-After</c>); never on other 4xx.
/// </summary>
public sealed record WaldurRetrySettings
{
    /// <summary>No automatic retries: the caller handles failures (e.g. writes it guards by re-reading state).</summary>
    public static WaldurRetrySettings None { get; } = new() { MaxRetryAttempts = 0 };

    /// <summary>Retries after the first attempt; 0 disables retries.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Delay before the first retry; doubles for each further retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of a computed delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomise delays so that many agents do not retry in step.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for; a longer one ends the retries at once
    /// with a transient error, so a cycle is not blocked and the next cycle tries again.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);
}
