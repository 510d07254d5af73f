using System.Collections.Concurrent;

namespace SiteAgent.Stomp.Tests.Client;

/// <summary>Records a client's state changes and lets a test wait for one.</summary>
internal sealed class StateRecorder
{
    private readonly ConcurrentQueue<StompConnectionEvent> _events = new();
    private readonly SemaphoreSlim _changed = new(0);

    public StateRecorder(StompClient client) => client.StateChanged += (_, e) =>
    {
        _events.Enqueue(e);
        _changed.Release();
    };

    public IReadOnlyList<StompConnectionEvent> Events => [.. _events];

    /// <summary>Waits until <paramref name="count"/> events match, or fails with the events seen.</summary>
    public async Task<StompConnectionEvent> WaitFor(Func<StompConnectionEvent, bool> match, TimeSpan timeout, int count = 1)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var matching = _events.Where(match).ToList();
            if (matching.Count >= count) return matching[count - 1];
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _changed.WaitAsync(left))
            {
                throw new TimeoutException($"no matching state change within {timeout}; saw: {string.Join(" | ", _events)}");
            }
        }
    }

    public Task<StompConnectionEvent> Connected(TimeSpan timeout, int count = 1) =>
        WaitFor(e => e.State == StompConnectionState.Connected, timeout, count);

    public Task<StompConnectionEvent> Lost(StompDisconnectReason reason, TimeSpan timeout, int count = 1) =>
        WaitFor(e => e.State == StompConnectionState.WaitingToReconnect && e.Reason == reason, timeout, count);
}
