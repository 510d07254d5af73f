using System.Text;
using System.Text.Json;
using SiteAgent.Core.Config;
using SiteAgent.Core.Events;
using SiteAgent.Core.Tests.Config;
using SiteAgent.Stomp;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Tests.Events;

/// <summary>What an offering subscribes to, where its broker is, how it logs in, and how payloads parse.</summary>
public class EventSetupRulesTests
{
    private static OfferingConfig Offering(string extra = "")
    {
        var result = TestCatalog.Load(TestCatalog.WithOffering("\n" + extra));
        if (!result.IsValid) throw new InvalidOperationException(TestCatalog.Errors(result));
        return result.Config!.Offerings[0];
    }

    [Test]
    public async Task ObjectTypes_OrderAndMembershipBackends_InSubscriptionOrder()
    {
        var offering = Offering("    stomp_enabled: true\n    membership_sync_backend: \"slurm\"\n    resource_import_enabled: true\n");

        var types = EventObjectTypes.For(offering, TestCatalog.Create());

        // No key rotation: the test catalog's SLURM backend cannot rotate keys.
        await Assert.That(types).IsEquivalentTo(new[]
        {
            "order", "user_role", "resource", "service_account", "course_account", "offering_user", "offering_resources_sync", "importable_resources",
        }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
    }

    [Test]
    public async Task ObjectTypes_MembershipOnPolling_OnlyOrder_AndNothingWithoutStomp()
    {
        var polling = Offering("    stomp_enabled: true\n    membership_sync_backend: \"slurm\"\n    stomp_membership_sync_enabled: false\n");
        var off = Offering("    membership_sync_backend: \"slurm\"\n");

        await Assert.That(EventObjectTypes.For(polling, TestCatalog.Create())).IsEquivalentTo(new[] { "order" });
        await Assert.That(EventObjectTypes.For(off, TestCatalog.Create())).IsEmpty();
    }

    [Test]
    public async Task ObjectTypes_PeriodicLimitsFlag_AddsItsType()
    {
        var offering = Offering("    stomp_enabled: true\n    backend_settings:\n      periodic_limits:\n        enabled: true\n");

        await Assert.That(EventObjectTypes.For(offering, TestCatalog.Create())).Contains("resource_periodic_limits");
    }

    [Test]
    public async Task Endpoint_Defaults_FollowTheApiHostAndTls()
    {
        var tls = EventBrokerEndpoint.For(Offering("    stomp_enabled: true\n"));
        var plain = EventBrokerEndpoint.For(Offering("    stomp_enabled: true\n    websocket_use_tls: false\n    verify_ssl: true\n"));

        await Assert.That(tls.ToString()).IsEqualTo("wss://portal.example.org:443/rmqws-stomp");
        // The reference took the port from verify_ssl; the scheme in use decides here.
        await Assert.That(plain.ToString()).IsEqualTo("ws://portal.example.org:80/rmqws-stomp");
        await Assert.That(plain.Transport).IsEqualTo(StompTransportKind.WebSocket);
    }

    [Test]
    public async Task Endpoint_ExplicitSettings_Win()
    {
        var endpoint = EventBrokerEndpoint.For(Offering(
            "    stomp_enabled: true\n    stomp_ws_host: \"mq.example.org\"\n    stomp_ws_port: 15674\n    stomp_ws_path: \"/ws\"\n    websocket_use_tls: false\n"));

        await Assert.That(endpoint.ToString()).IsEqualTo("ws://mq.example.org:15674/ws");
    }

    [Test]
    public async Task Binding_PrefersWaldursNames_AndFallsBackToComputedOnes()
    {
        var offering = Offering("    stomp_enabled: true\n");
        var subscription = new EventSubscription { Uuid = Guid.Parse("2a0e7d3f-f127-43b5-843f-ff837ae51391"), UserUuid = Guid.Parse("b281fcf8-d77c-41aa-83d7-ee61520c3dd8") };

        var computed = EventQueueBinding.From(offering, "order", subscription, new EventSubscriptionQueue());
        var returned = EventQueueBinding.From(offering, "order", subscription, new EventSubscriptionQueue { QueueName = "q1", Vhost = "v1" });

        await Assert.That(computed.VirtualHost).IsEqualTo("b281fcf8d77c41aa83d7ee61520c3dd8");
        await Assert.That(computed.Login).IsEqualTo("2a0e7d3ff12743b5843fff837ae51391");
        await Assert.That(computed.Destination).IsEqualTo("/amq/queue/subscription_2a0e7d3ff12743b5843fff837ae51391_offering_d629d5e45567425da9cdbdc1af67b32c_order");
        await Assert.That((returned.VirtualHost, returned.QueueName)).IsEqualTo(("v1", "q1"));
    }

    [Test]
    public async Task Payloads_ParseWaldursShapes_AndUuidsInBothForms()
    {
        var role = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(
            """{"user_uuid": "3f1e", "project_uuid": "b281fcf8d77c41aa83d7ee61520c3dd8", "granted": true, "role_name": "PROJECT.MEMBER", "extra": 1}"""),
            EventJsonContext.Default.UserRoleEvent)!;
        var limits = JsonSerializer.Deserialize("""{"resource_uuid": "b281fcf8-d77c-41aa-83d7-ee61520c3dd8", "settings": {"fairshare": 5}}""",
            EventJsonContext.Default.PeriodicLimitsEvent)!;

        await Assert.That(role.Granted).IsTrue();
        await Assert.That(EventUuid.Required(role.ProjectUuid, "project_uuid")).IsEqualTo(Guid.Parse("b281fcf8-d77c-41aa-83d7-ee61520c3dd8"));
        await Assert.That(EventUuid.Required(limits.ResourceUuid, "resource_uuid")).IsEqualTo(Guid.Parse("b281fcf8-d77c-41aa-83d7-ee61520c3dd8"));
        await Assert.That(limits.Settings!.Value.GetProperty("fairshare").GetInt32()).IsEqualTo(5);
        await Assert.That(() => EventUuid.Required(role.UserUuid, "user_uuid")).Throws<EventRejectedException>().WithMessageContaining("user_uuid \"3f1e\" is not a uuid");
        await Assert.That(() => EventUuid.Required(null, "order_uuid")).Throws<EventRejectedException>().WithMessageContaining("no order_uuid");
    }
}
