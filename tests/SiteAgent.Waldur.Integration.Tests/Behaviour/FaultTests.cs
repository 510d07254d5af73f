using SiteAgent.Waldur.Emulator.Faults;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>Connections the emulator drops without an answer, and answers that come too late.</summary>
public sealed class FaultTests
{
    private static readonly string ResourcePath = $"/api/marketplace-provider-resources/{Ids.Resource.Hex()}/";
    private static readonly Dictionary<string, long> Limits = new() { ["cpu"] = 150 };

    [Test]
    public async Task Read_DroppedConnection_RetriedAndDecoded()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath, Method = "GET", Drop = true, Times = 1 });

        var resource = await w.Client.GetProviderResourceAsync(Ids.Resource, cancellationToken: Ct);

        await Assert.That(resource.Name).IsEqualTo("climate-main");
        await Assert.That(w.Requests.Select(r => (r.Fault, r.Status))).IsEquivalentTo([("drop", 0), (null, 200)], CollectionOrdering.Matching);
        w.AssertNoViolations();
    }

    [Test]
    public async Task Write_DroppedConnectionWithWriteRetriesOff_TransportErrorAfterOneRequest()
    {
        await using var w = await StartAsync();
        await w.Client.GetVersionAsync(Ct);
        using var guarded = w.Client.WithRetry(write: WaldurRetrySettings.None);
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath + "set_limits/", Drop = true });

        var error = await Assert.ThrowsExactlyAsync<WaldurTransportException>(() => guarded.SetProviderResourceLimitsAsync(Ids.Resource, Limits, Ct));

        await Assert.That(error!.IsTransient).IsTrue();
        await Assert.That(error.OperationId).IsEqualTo("marketplace_provider_resources_set_limits");
        await Assert.That(w.Requests.Select(r => (r.Path, r.Status))).IsEquivalentTo([("/api/version/", 200), (ResourcePath + "set_limits/", 0)], CollectionOrdering.Matching);
        await Assert.That(w.Read(s => s.Resources.At(Ids.Resource).Limits["cpu"])).IsEqualTo(100);
    }

    [Test]
    public async Task Write_DroppedConnectionWithDefaultRetries_RetriedAndApplied()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath + "set_limits/", Drop = true, Times = 1 });

        await w.Client.SetProviderResourceLimitsAsync(Ids.Resource, Limits, Ct);

        await Assert.That(w.Requests.Select(r => r.Status)).IsEquivalentTo([0, 200], CollectionOrdering.Matching);
        await Assert.That(w.Read(s => s.Resources.At(Ids.Resource).Limits["cpu"])).IsEqualTo(150);
    }

    [Test]
    public async Task Read_AnswerLaterThanTimeout_AttemptAbandonedAndRetried()
    {
        await using var w = await StartAsync(client: o => o with { Timeout = TimeSpan.FromMilliseconds(300) });
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath, Method = "GET", DelayMs = 5_000, Times = 1 });

        var resource = await w.Client.GetProviderResourceAsync(Ids.Resource, cancellationToken: Ct);

        // The abandoned attempt consumed the fault (the emulator logs it only if it finishes); the retry got the answer.
        await Assert.That(resource.Name).IsEqualTo("climate-main");
        await Assert.That(w.Host.Faults.Describe()).IsEmpty();
        await Assert.That(w.Requests.Last(r => r.Path == ResourcePath).Status).IsEqualTo(200);
    }
}
