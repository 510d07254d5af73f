namespace SiteAgent.Waldur.Emulator.Broker;

/// <summary>
/// The RabbitMQ the emulator publishes events to, as Waldur does, through the management HTTP API.
/// Without it the emulator publishes nothing (event subscriptions and queues exist only in its state).
/// </summary>
/// <param name="ManagementUrl">Management API root, e.g. <c>http://127.0.0.1:15672/</c>.</param>
/// <param name="User">An administrator of the broker (creates vhosts, users and queues).</param>
/// <param name="Password">Its password.</param>
public sealed record EmulatorBrokerOptions(Uri ManagementUrl, string User, string Password)
{
    /// <summary>The password is left out.</summary>
    public override string ToString() => $"{ManagementUrl} as {User}";
}
