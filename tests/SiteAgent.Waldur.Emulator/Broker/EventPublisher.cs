using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Broker;

/// <summary>
/// Waldur's publishing side, for real: event subscriptions become RabbitMQ users and vhosts, queues
/// are declared with Waldur's arguments, and state changes are published to the queues of the
/// offerings they concern.
/// </summary>
/// <remarks>
/// The pipeline calls <see cref="Capture"/> under the state lock after every request, then
/// <see cref="ApplyAsync"/> outside it before the response goes out: an agent that receives the
/// create_queue answer can subscribe at once, and a change is on the broker when the call that made
/// it returns. Broker identities follow Waldur: vhost = the subscription owner's uuid (hex), login =
/// the subscription uuid (hex), password = the API token the subscription was created with.
/// </remarks>
public sealed class EventPublisher : IDisposable
{
    private readonly RabbitMqManagement _broker;
    private readonly SemaphoreSlim _order = new(1, 1);
    private readonly HashSet<string> _provisioned = [];
    private readonly HashSet<string> _declared = [];
    private EventSnapshot? _baseline;

    public EventPublisher(EmulatorBrokerOptions options) => _broker = new RabbitMqManagement(options);

    /// <summary>Messages published so far (each routed copy counts once).</summary>
    public int Published { get; private set; }

    /// <summary>Forgets the past: the current state is the new baseline (after a reset or at start).</summary>
    /// <remarks>The caller holds the state lock.</remarks>
    public void Rebaseline(EmulatorState state) => _baseline = EventSnapshot.Take(state);

    /// <summary>What changed since the last capture, resolved to broker operations.</summary>
    /// <remarks>The caller holds the state lock.</remarks>
    /// <param name="state">The emulator state, locked by the caller.</param>
    /// <param name="callerToken">The API token of the request that made the changes; new subscriptions get it as broker password.</param>
    public BrokerWork Capture(EmulatorState state, string? callerToken)
    {
        var now = EventSnapshot.Take(state);
        var before = _baseline ?? now;
        _baseline = now;
        var users = state.EventSubscriptions.Where(s => !_provisioned.Contains(s.Uuid))
            .Select(s => new BrokerUser(s.User.Uuid, s.Uuid, callerToken ?? TokenOf(state, s.User)))
            .ToList();
        var gone = _provisioned.Where(uuid => state.EventSubscriptions.Find(uuid) is null).ToList();
        var queues = state.EventQueues.Where(q => !_declared.Contains(q.Uuid) || q.DeclareAgain)
            .Select(q => new BrokerQueue(q.Uuid, q.Subscription.User.Uuid, q.QueueName)).ToList();
        foreach (var queue in state.EventQueues.Where(q => q.DeclareAgain))
        {
            queue.DeclareAgain = false;
        }

        var messages = now.EventsSince(before, state)
            .SelectMany(e => state.EventQueues
                .Where(q => q.ObjectType == e.ObjectType && q.OfferingUuid == e.OfferingUuid)
                .Select(q => new BrokerMessage(q.Subscription.User.Uuid, q.QueueName, WithOffering(e))))
            .ToList();
        return new BrokerWork(users, gone, queues, messages);
    }

    /// <summary>Carries out captured work, in capture order across concurrent requests.</summary>
    public async Task ApplyAsync(BrokerWork work, CancellationToken cancellationToken = default)
    {
        if (work.IsEmpty) return;
        await _order.WaitAsync(cancellationToken);
        try
        {
            foreach (var user in work.NewUsers)
            {
                await _broker.CreateVhostAsync(user.Vhost, cancellationToken);
                await _broker.CreateUserAsync(user.Login, user.Password, cancellationToken);
                await _broker.GrantAllAsync(user.Vhost, user.Login, cancellationToken);
                _provisioned.Add(user.Login);
            }
            foreach (var login in work.RemovedUsers)
            {
                await _broker.DeleteUserAsync(login, cancellationToken);
                _provisioned.Remove(login);
            }
            foreach (var queue in work.NewQueues)
            {
                await _broker.DeclareQueueAsync(queue.Vhost, queue.Name, WaldurQueues.Arguments(), cancellationToken);
                _declared.Add(queue.Uuid);
            }
            foreach (var message in work.Messages)
            {
                if (await _broker.PublishAsync(message.Vhost, message.Queue, message.Json, cancellationToken)) Published++;
            }
        }
        finally
        {
            _order.Release();
        }
    }

    public void Dispose()
    {
        _broker.Dispose();
        _order.Dispose();
    }

    /// <summary>Every payload carries the offering it concerns, in hex, as Waldur's publisher adds it.</summary>
    private static string WithOffering(WaldurEvent e)
    {
        var payload = e.Payload.DeepClone().AsObject();
        payload["offering_uuid"] = e.OfferingUuid;
        return payload.ToJsonString();
    }

    private static string TokenOf(EmulatorState state, User user) =>
        state.Tokens.FirstOrDefault(t => t.Value == user).Key ?? "";
}

/// <summary>Broker operations resulting from one request.</summary>
public sealed record BrokerWork(IReadOnlyList<BrokerUser> NewUsers, IReadOnlyList<string> RemovedUsers, IReadOnlyList<BrokerQueue> NewQueues, IReadOnlyList<BrokerMessage> Messages)
{
    public bool IsEmpty => NewUsers.Count == 0 && RemovedUsers.Count == 0 && NewQueues.Count == 0 && Messages.Count == 0;
}

/// <summary>A subscription's broker login in its owner's vhost.</summary>
public sealed record BrokerUser(string Vhost, string Login, string Password)
{
    public override string ToString() => $"{Login} on {Vhost}";
}

/// <summary>A queue to declare.</summary>
public sealed record BrokerQueue(string Uuid, string Vhost, string Name);

/// <summary>A message to publish to one queue.</summary>
public sealed record BrokerMessage(string Vhost, string Queue, string Json);
