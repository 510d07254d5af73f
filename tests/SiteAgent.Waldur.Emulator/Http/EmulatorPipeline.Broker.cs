using Microsoft.AspNetCore.Http;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Hands each request's state changes to the event publisher before the response goes out.</summary>
public sealed partial class EmulatorPipeline
{
    /// <summary>Captures what the request changed (under the state lock) and carries it out on the broker.</summary>
    /// <param name="http">The request, whose API token becomes the broker password of subscriptions it created; null for in-process seeding.</param>
    internal async Task PublishChangesAsync(HttpContext? http)
    {
        if (Publisher is null) return;
        Broker.BrokerWork work;
        lock (State.Sync) work = Publisher.Capture(State, http is null ? null : Credential(http.Request));
        try
        {
            await Publisher.ApplyAsync(work, http?.RequestAborted ?? CancellationToken.None);
        }
        catch (Exception e)
        {
            // Waldur logs a failed publication and answers the request anyway; so does the emulator.
            Console.Error.WriteLine($"emulator: publishing to the broker failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The token of <c>Authorization: Token …</c> or <c>Bearer …</c>.</summary>
    private static string? Credential(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        return space > 0 ? header[(space + 1)..].Trim() : null;
    }
}
