namespace SiteAgent.Stomp;

/// <summary>
/// Exponential back-off between connection attempts: <c>min(Initial × 2^attempt, Max)</c> plus up to
/// <see cref="JitterFraction"/> of that at random, so that many agents do not reconnect in step after
/// a broker restart. The client retries for ever; the attempt count resets once a connection is
/// established and subscribed.
/// </summary>
/// <param name="InitialDelay">Delay before the second attempt.</param>
/// <param name="MaxDelay">Cap of the doubling.</param>
/// <param name="JitterFraction">Random extra delay, as a fraction of the base delay (0 to 1).</param>
public sealed record StompReconnectPolicy(TimeSpan InitialDelay, TimeSpan MaxDelay, double JitterFraction = 0.25)
{
    /// <summary>1 s doubling to 120 s, plus up to 25 %.</summary>
    public static StompReconnectPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120));

    /// <summary>The delay after failed attempt number <paramref name="attempt"/> (0-based), given a uniform random number in [0, 1).</summary>
    public TimeSpan DelayFor(int attempt, double random)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 30));
        var baseMs = Math.Min(InitialDelay.TotalMilliseconds * factor, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(baseMs + baseMs * JitterFraction * Math.Clamp(random, 0, 1));
    }

    internal IEnumerable<string> Problems()
    {
        if (InitialDelay <= TimeSpan.Zero) yield return $"reconnect initial delay {InitialDelay} must be positive";
        if (MaxDelay < InitialDelay) yield return $"reconnect max delay {MaxDelay} is below the initial delay {InitialDelay}";
        if (JitterFraction is < 0 or > 1) yield return $"reconnect jitter {JitterFraction} is outside 0..1";
    }
}
