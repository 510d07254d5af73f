using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SiteAgent.Stomp.Tests.Client;
using SiteAgent.Waldur.Emulator;

namespace SiteAgent.Stomp.Tests.Broker;

/// <summary>
/// The emulator as Waldur's publishing side on the real RabbitMQ: an agent registers an event
/// subscription and a queue over the API, connects with the identities Waldur hands out, and order
/// changes arrive through the STOMP client as Waldur's JSON.
/// </summary>
[NotInParallel("rabbitmq")]
public class EmulatorPublishingTests
{
    private const string Offering = "d629d5e45567425da9cdbdc1af67b32c";
    private const string PendingOrder = "c1a2b3c4d5e64f708192a3b4c5d6e7f8";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    [Arguments(StompTransportKind.Tcp)]
    [Arguments(StompTransportKind.WebSocket)]
    public async Task OrderApproved_ArrivesAsWaldurOrderEvent(StompTransportKind transport)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "demo.yaml"),
            Broker = broker.Management,
            ContractObserver = true,
        });
        using var waldur = new HttpClient { BaseAddress = new Uri(emulator.ApiUrl) };
        waldur.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", emulator.Options.Token);

        var (vhost, login, queueName) = await RegisterAsync(waldur, "order");
        try
        {
            await Assert.That(queueName).IsEqualTo($"subscription_{login}_offering_{Offering}_order");
            await using var consumer = await Consumer.ConnectAsync(new StompClientOptions
            {
                Endpoint = RabbitMqBroker.Endpoint(transport),
                VirtualHost = vhost,
                Login = login,
                Passcode = emulator.Options.Token,
                Subscriptions = [new StompSubscription("/amq/queue/" + queueName, queueName)],
            }, Wait);

            (await waldur.PostAsync($"marketplace-orders/{PendingOrder}/approve_by_provider/", null)).EnsureSuccessStatusCode();

            var message = await consumer.NextAsync();
            var payload = JsonNode.Parse(message.BodyText)!.AsObject();
            await Assert.That(payload.ToJsonString()).IsEqualTo(new JsonObject
            {
                ["order_uuid"] = PendingOrder,
                ["order_state"] = "executing",
                ["offering_uuid"] = Offering,
            }.ToJsonString());
            await Assert.That(message.Headers["content-type"]).IsEqualTo("application/json");
            await Assert.That(await consumer.Client.AckAsync(message)).IsTrue();
            await Assert.That(emulator.Violations.Count).IsEqualTo(0);
        }
        finally
        {
            await broker.Api.DeleteVhostAsync(vhost);
            await broker.Api.DeleteUserAsync(login);
        }
    }

    [Test]
    public async Task RoleRevokedOfferingUserAndServiceAccountCreated_PublishedToTheirQueues_OverOneConnection()
    {
        var broker = await RabbitMqBroker.RequireAsync();
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "demo.yaml"),
            Broker = broker.Management,
        });
        using var waldur = new HttpClient { BaseAddress = new Uri(emulator.ApiUrl) };
        waldur.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", emulator.Options.Token);
        var roles = await RegisterAsync(waldur, "user_role");
        var users = await RegisterAsync(waldur, "offering_user");
        var accounts = await RegisterAsync(waldur, "service_account");
        try
        {
            // One subscription per object type, each its own broker login, all in the user's vhost.
            await Assert.That(users.Vhost).IsEqualTo(roles.Vhost);
            await using var consumer = await Consumer.ConnectAsync(new StompClientOptions
            {
                Endpoint = RabbitMqBroker.Tcp,
                VirtualHost = roles.Vhost,
                Login = roles.Login,
                Passcode = emulator.Options.Token,
                Subscriptions =
                [
                    new StompSubscription("/amq/queue/" + roles.Queue, "roles"),
                    new StompSubscription("/amq/queue/" + users.Queue, "users"),
                    new StompSubscription("/amq/queue/" + accounts.Queue, "accounts"),
                ],
            }, Wait);

            var (bob, project, offeringUser) = emulator.Read(state =>
            {
                var project = state.Projects.Single(p => p.Slug == "climate");
                var member = project.Members.Single(m => m.User.Username == "bob@example.org");
                project.Members.Remove(member);
                var carol = state.Add(state.Users, new SiteAgent.Waldur.Emulator.State.User { Username = "carol@example.org" });
                var offering = state.Offerings.Find(Offering)!;
                var added = state.Add(state.OfferingUsers, new SiteAgent.Waldur.Emulator.State.OfferingUser { Offering = offering, User = carol, Username = "carol" });
                state.Add(state.ServiceAccounts, new SiteAgent.Waldur.Emulator.State.ProjectServiceAccount { Project = project, Offering = offering, Username = "svc-climate" });
                return (member.User, project, added);
            });
            // Any request publishes what changed since the last one.
            (await waldur.GetAsync("projects/")).EnsureSuccessStatusCode();

            var received = new Dictionary<string, JsonObject>();
            for (var i = 0; i < 3; i++)
            {
                var message = await consumer.NextAsync();
                received[message.SubscriptionId] = JsonNode.Parse(message.BodyText)!.AsObject();
                await consumer.Client.AckAsync(message);
            }
            await Assert.That(received["roles"].ToJsonString()).IsEqualTo(new JsonObject
            {
                ["user_uuid"] = bob.Uuid, ["user_username"] = "bob@example.org", ["project_uuid"] = project.Uuid,
                ["project_name"] = "Climate modelling", ["role_name"] = "PROJECT.MEMBER", ["granted"] = false, ["offering_uuid"] = Offering,
            }.ToJsonString());
            await Assert.That(received["users"]["action"]!.GetValue<string>()).IsEqualTo("create");
            await Assert.That(received["users"]["offering_user_uuid"]!.GetValue<string>()).IsEqualTo(offeringUser.Uuid);
            await Assert.That(received["users"]["username"]!.GetValue<string>()).IsEqualTo("carol");
            await Assert.That(received["accounts"]["account_username"]!.GetValue<string>()).IsEqualTo("svc-climate");
            await Assert.That(received["accounts"]["action"]!.GetValue<string>()).IsEqualTo("create");
        }
        finally
        {
            await broker.Api.DeleteVhostAsync(roles.Vhost);
            await broker.Api.DeleteUserAsync(roles.Login);
            await broker.Api.DeleteUserAsync(users.Login);
            await broker.Api.DeleteUserAsync(accounts.Login);
        }
    }

    /// <summary>What an agent does at start for one object type: identity, subscription, queue.</summary>
    private static async Task<(string Vhost, string Login, string Queue)> RegisterAsync(HttpClient waldur, string objectType)
    {
        var identity = await PostAsync(waldur, "marketplace-site-agent-identities/", new JsonObject { ["offering"] = Offering, ["name"] = "agent-" + Offering });
        var subscription = await PostAsync(waldur, $"marketplace-site-agent-identities/{identity["uuid"]}/register_event_subscription/",
            new JsonObject { ["observable_object_type"] = objectType, ["description"] = "test" });
        var queue = await PostAsync(waldur, $"event-subscriptions/{subscription["uuid"]}/create_queue/",
            new JsonObject { ["offering_uuid"] = Offering, ["object_type"] = objectType });
        return (subscription["user_uuid"]!.GetValue<string>(), subscription["uuid"]!.GetValue<string>(), queue["queue_name"]!.GetValue<string>());
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
