using SiteAgent.Stomp.Tests.Client;
using SiteAgent.Waldur.Emulator.Broker;

namespace SiteAgent.Stomp.Tests.Broker;

/// <summary>
/// The real RabbitMQ of tests/infra/rabbitmq (STOMP 61613, Web-STOMP 15674, management 15672), found
/// through the variables of its broker.env. Tests skip when it does not answer, unless
/// WALDUR_AGENT_REQUIRE_RABBITMQ=1 makes that a failure (tests/run.sh sets it).
/// </summary>
internal sealed class RabbitMqBroker
{
    private RabbitMqBroker(EmulatorBrokerOptions management)
    {
        Management = management;
        Api = new RabbitMqManagement(management);
    }

    public EmulatorBrokerOptions Management { get; }

    public RabbitMqManagement Api { get; }

    public static StompEndpoint Tcp => StompEndpoint.Tcp("127.0.0.1", int.Parse(Env("RABBITMQ_TEST_STOMP_PORT", "61613"), System.Globalization.CultureInfo.InvariantCulture));

    public static StompEndpoint WebSocket => StompEndpoint.Parse(Env("RABBITMQ_TEST_WEB_STOMP_URL", "ws://127.0.0.1:15674/ws"));

    public static StompEndpoint Endpoint(StompTransportKind kind) => kind == StompTransportKind.Tcp ? Tcp : WebSocket;

    /// <summary>The broker, or a skipped test when it is absent and not required.</summary>
    public static async Task<RabbitMqBroker> RequireAsync()
    {
        var broker = new RabbitMqBroker(new EmulatorBrokerOptions(
            new Uri(Env("RABBITMQ_TEST_MANAGEMENT_URL", "http://127.0.0.1:15672/")),
            Env("RABBITMQ_TEST_ADMIN_USER", "waldur-test-admin"),
            Env("RABBITMQ_TEST_ADMIN_PASSWORD", "waldur-test-admin")));
        if (await broker.Api.IsAvailableAsync()) return broker;
        if (Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_RABBITMQ") == "1")
        {
            throw new InvalidOperationException($"RabbitMQ is required (WALDUR_AGENT_REQUIRE_RABBITMQ=1) but its management API at {broker.Management.ManagementUrl} does not answer; run tests/infra/rabbitmq/up.sh");
        }
        Skip.Test("RabbitMQ is not running here (tests/infra/rabbitmq/up.sh); set WALDUR_AGENT_REQUIRE_RABBITMQ=1 to fail instead");
        return broker;
    }

    /// <summary>A fresh vhost with its own user and a queue declared as Waldur declares them; deleted on dispose.</summary>
    public async Task<BrokerTenant> CreateTenantAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var tenant = new BrokerTenant(this, "stomp-test-" + id, "stomp-user-" + id, "pw-" + Guid.NewGuid().ToString("N"), "subscription_" + id + "_order");
        await Api.CreateVhostAsync(tenant.Vhost);
        await Api.CreateUserAsync(tenant.Login, tenant.Passcode);
        await Api.GrantAllAsync(tenant.Vhost, tenant.Login);
        await Api.DeclareQueueAsync(tenant.Vhost, tenant.Queue, WaldurQueues.Arguments());
        return tenant;
    }

    /// <summary>Runs tests/infra/rabbitmq/ctl.sh (rabbitmqctl for the test node) and fails on a non-zero exit.</summary>
    public static Task CtlAsync(params string[] arguments) => TestBrokerNode.CtlAsync(arguments);

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}

/// <summary>A test's own vhost, broker user and Waldur-style queue.</summary>
internal sealed class BrokerTenant(RabbitMqBroker broker, string vhost, string login, string passcode, string queue) : IAsyncDisposable
{
    public string Vhost { get; } = vhost;
    public string Login { get; } = login;
    public string Passcode { get; } = passcode;
    public string Queue { get; } = queue;

    public StompClientOptions Options(StompTransportKind transport) => new()
    {
        Endpoint = RabbitMqBroker.Endpoint(transport),
        VirtualHost = Vhost,
        Login = Login,
        Passcode = Passcode,
        Subscriptions = [new StompSubscription("/amq/queue/" + Queue, Queue)],
        Reconnect = new StompReconnectPolicy(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)),
        DisconnectTimeout = TimeSpan.FromSeconds(2),
    };

    public Task<bool> PublishAsync(string json) => broker.Api.PublishAsync(Vhost, Queue, json);

    /// <summary>Publishes the bodies, then receives and acks as many messages on this tenant's queue.</summary>
    /// <returns>The bodies received, in order.</returns>
    public async Task<List<string>> PublishThenReceiveAndAckAsync(Consumer consumer, params string[] bodies)
    {
        foreach (var body in bodies)
        {
            if (!await PublishAsync(body)) throw new InvalidOperationException($"the broker refused to publish {body} to {Queue}");
        }
        var received = new List<string>();
        foreach (var _ in bodies)
        {
            var message = await consumer.NextAsync();
            received.Add(message.BodyText);
            if (message.SubscriptionId != Queue) throw new InvalidOperationException($"message on subscription {message.SubscriptionId}, expected {Queue}");
            if (!await consumer.Client.AckAsync(message)) throw new InvalidOperationException($"the ack of {message.BodyText} was not sent");
        }
        return received;
    }

    /// <summary>Polls the queue depth until it equals <paramref name="expected"/> (the statistics lag about a second).</summary>
    public async Task<long?> WaitForDepthAsync(long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long? depth;
        while ((depth = await broker.Api.QueueDepthAsync(Vhost, Queue)) != expected && DateTime.UtcNow < deadline) await Task.Delay(250);
        return depth;
    }

    public async ValueTask DisposeAsync()
    {
        await broker.Api.DeleteVhostAsync(Vhost);
        await broker.Api.DeleteUserAsync(Login);
    }
}
