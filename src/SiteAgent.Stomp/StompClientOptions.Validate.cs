namespace SiteAgent.Stomp;

/// <summary>Start-up checks of <see cref="StompClientOptions"/>.</summary>
public sealed partial record StompClientOptions
{
    /// <summary>Every problem with the options, each naming the setting; empty when they can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        problems.AddRange(Endpoint.Problems());
        if (string.IsNullOrEmpty(VirtualHost)) problems.Add("virtual host is empty (RabbitMQ's default vhost is /)");
        if (Subscriptions.Count == 0) problems.Add("no subscriptions: the client would connect and receive nothing");
        foreach (var group in Subscriptions.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"subscription id {group.Key} is used {group.Count()} times; ids must be unique within a connection");
        }
        foreach (var subscription in Subscriptions)
        {
            if (string.IsNullOrEmpty(subscription.Destination) || string.IsNullOrEmpty(subscription.Id))
            {
                problems.Add($"subscription '{subscription.Id}' → '{subscription.Destination}' needs both a destination and an id");
            }
            if (subscription.PrefetchCount < 1)
            {
                problems.Add($"subscription {subscription.Id}: prefetch count {subscription.PrefetchCount} must be at least 1, or the broker may send without bound");
            }
        }
        if (HeartBeatSend < TimeSpan.Zero || HeartBeatReceive < TimeSpan.Zero) problems.Add("heart-beat intervals cannot be negative");
        if (ConnectTimeout <= TimeSpan.Zero) problems.Add($"connect timeout {ConnectTimeout} must be positive");
        if (DisconnectTimeout < TimeSpan.Zero) problems.Add($"disconnect timeout {DisconnectTimeout} cannot be negative");
        problems.AddRange(Reconnect.Problems());
        try
        {
            FrameLimits.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            problems.Add($"frame limits: {e.Message}");
        }
        return problems;
    }

    /// <summary>Throws with every problem listed when the options cannot work.</summary>
    /// <exception cref="ArgumentException">At least one problem.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new ArgumentException("invalid STOMP client options: " + string.Join("; ", problems));
    }
}
