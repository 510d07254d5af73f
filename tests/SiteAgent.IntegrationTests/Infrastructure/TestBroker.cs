using SiteAgent.Waldur.Emulator.Broker;

namespace SiteAgent.IntegrationTests.Infrastructure;

/// <summary>
/// The RabbitMQ of tests/infra/rabbitmq (management API and Web-STOMP from broker.env's variables).
/// Tests skip when it does not answer, unless WALDUR_AGENT_REQUIRE_RABBITMQ=1 (tests/run.sh) makes
/// that a failure.
/// </summary>
internal static class TestBroker
{
    /// <summary>The management API the emulator publishes through.</summary>
    public static EmulatorBrokerOptions Management { get; } = new(
        new Uri(Env("RABBITMQ_TEST_MANAGEMENT_URL", "http://127.0.0.1:15672/")),
        Env("RABBITMQ_TEST_ADMIN_USER", "waldur-test-admin"),
        Env("RABBITMQ_TEST_ADMIN_PASSWORD", "waldur-test-admin"));

    /// <summary>Web-STOMP, as the agent reaches it.</summary>
    public static Uri WebStomp { get; } = new(Env("RABBITMQ_TEST_WEB_STOMP_URL", "ws://127.0.0.1:15674/ws"));

    /// <summary>Offering keys that point the agent at the test broker without TLS.</summary>
    public static string OfferingKeys =>
        $"    stomp_enabled: true\n    stomp_ws_host: \"{WebStomp.Host}\"\n    stomp_ws_port: {WebStomp.Port}\n    stomp_ws_path: \"{WebStomp.AbsolutePath}\"\n    websocket_use_tls: false\n";

    /// <summary>The broker's management API, or a skipped test.</summary>
    public static async Task<RabbitMqManagement> RequireAsync()
    {
        var api = new RabbitMqManagement(Management);
        if (await api.IsAvailableAsync()) return api;
        api.Dispose();
        if (Environment.GetEnvironmentVariable("WALDUR_AGENT_REQUIRE_RABBITMQ") == "1")
        {
            throw new InvalidOperationException($"RabbitMQ is required (WALDUR_AGENT_REQUIRE_RABBITMQ=1) but {Management.ManagementUrl} does not answer; run tests/infra/rabbitmq/up.sh");
        }

        Skip.Test("RabbitMQ is not running here (tests/infra/rabbitmq/up.sh); set WALDUR_AGENT_REQUIRE_RABBITMQ=1 to fail instead");
        return api;
    }

    /// <summary>rabbitmqctl on the test node (tests/infra/rabbitmq/ctl.sh), e.g. stop_app / start_app; fails on a non-zero exit.</summary>
    public static Task CtlAsync(params string[] arguments) => TestBrokerNode.CtlAsync(arguments);

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
