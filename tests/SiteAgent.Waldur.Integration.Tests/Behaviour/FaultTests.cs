using SiteAgent.Waldur.Emulator.Faults;
using SiteAgent.Waldur.Integration.Tests.Infrastructure;
using static SiteAgent.Waldur.Integration.Tests.Infrastructure.EmulatedWaldur;

namespace SiteAgent.Waldur.Integration.Tests.Behaviour;

/// <summary>Connections the emulator drops without an answer, and answers that come too late.</summary>
public sealed class FaultTests
{
    private static readonly string ResourcePath = $"/api/marketplace-provider-resources/{Ids.Resource.Hex()}/";
    private static readonly Dictionary<string, long> Limits = new() { ["cpu"] = 150 };

    [Fact]
    public async Task Read_DroppedConnection_RetriedAndDecoded()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath, Method = "GET", Drop = true, Times = 1 });

        var resource = await w.Client.GetProviderResourceAsync(Ids.Resource, cancellationToken: Ct);

        Assert.Equal("climate-main", resource.Name);
        Assert.Equal([("drop", 0), (null, 200)], w.Requests.Select(r => (r.Fault, r.Status)));
        w.AssertNoViolations();
    }

    [Fact]
    public async Task Write_DroppedConnectionWithWriteRetriesOff_TransportErrorAfterOneRequest()
    {
        await using var w = await StartAsync();
        await w.Client.GetVersionAsync(Ct);
        using var guarded = w.Client.WithRetry(write: WaldurRetrySettings.None);
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath + "set_limits/", Drop = true });

        var error = await Assert.ThrowsAsync<WaldurTransportException>(() => guarded.SetProviderResourceLimitsAsync(Ids.Resource, Limits, Ct));

        Assert.True(error.IsTransient);
        Assert.Equal("marketplace_provider_resources_set_limits", error.OperationId);
        Assert.Equal([("/api/version/", 200), (ResourcePath + "set_limits/", 0)], w.Requests.Select(r => (r.Path, r.Status)));
        Assert.Equal(100, w.Read(s => s.Resources.At(Ids.Resource).Limits["cpu"]));
    }

    [Fact]
    public async Task Write_DroppedConnectionWithDefaultRetries_RetriedAndApplied()
    {
        await using var w = await StartAsync();
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath + "set_limits/", Drop = true, Times = 1 });

        await w.Client.SetProviderResourceLimitsAsync(Ids.Resource, Limits, Ct);

        Assert.Equal([0, 200], w.Requests.Select(r => r.Status));
        Assert.Equal(150, w.Read(s => s.Resources.At(Ids.Resource).Limits["cpu"]));
    }

    [Fact]
    public async Task Read_AnswerLaterThanTimeout_AttemptAbandonedAndRetried()
    {
        await using var w = await StartAsync(client: o => o with { Timeout = TimeSpan.FromMilliseconds(300) });
        w.Host.Faults.Add(new FaultRule { Path = ResourcePath, Method = "GET", DelayMs = 5_000, Times = 1 });

        var resource = await w.Client.GetProviderResourceAsync(Ids.Resource, cancellationToken: Ct);

        // The abandoned attempt consumed the fault (the emulator logs it only if it finishes); the retry got the answer.
        Assert.Equal("climate-main", resource.Name);
        Assert.Empty(w.Host.Faults.Describe());
        Assert.Equal(200, w.Requests.Last(r => r.Path == ResourcePath).Status);
    }
}
