using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Benchmarks;

/// <summary>
/// Client overhead per call: each client method against the emulator on loopback, with a baseline in
/// the same run that sends the same request through a plain <see cref="HttpClient"/> and reads the
/// body without deserialising it. Ratio = client time / raw time.
/// </summary>
[BenchmarkCategory("Waldur")]
[Config(typeof(WaldurBenchmarkConfig))]
public class WaldurClientBenchmarks
{
    private static readonly Dictionary<string, long> Limits = new() { ["cpu"] = 150 };
    private static readonly byte[] LimitsBody = """{"limits":{"cpu":150}}"""u8.ToArray();

    private EmulatorProcess _emulator = null!;
    private WaldurClient _client = null!;
    private HttpClient _raw = null!;
    private Uri _orderUrl = null!;
    private Uri _ordersPageUrl = null!;
    private Uri _setLimitsUrl = null!;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = EmulatorProcess.Start(BenchmarkScenario.Json(), BenchmarkScenario.Token);
        var api = _emulator.ApiUrl;
        _client = new WaldurClient(new WaldurClientOptions
        {
            ApiUrl = api,
            Credentials = new StaticTokenCredentials(BenchmarkScenario.Token),
            UserAgent = WaldurUserAgent.For("benchmark", "0.1.0"),
        });
        _raw = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", BenchmarkScenario.Token);
        _raw.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WaldurUserAgent.For("benchmark", "0.1.0"));
        _orderUrl = new Uri(api, $"marketplace-orders/{BenchmarkScenario.FirstOrder:N}/");
        _ordersPageUrl = new Uri(api, "marketplace-orders/?page_size=100");
        _setLimitsUrl = new Uri(api, $"marketplace-provider-resources/{BenchmarkScenario.Resource:N}/set_limits/");
        Verify();
        if (!CallCostMeter.HasResults)
        {
            CallCostMeter.MeasureAll(
                (nameof(RawGetOrder), RawGetOrder),
                (nameof(ClientGetOrder), ClientGetOrder),
                (nameof(RawListOrders), RawListOrders),
                (nameof(ClientListOrders), ClientListOrders),
                (nameof(RawSetLimits), RawSetLimits),
                (nameof(ClientSetLimits), ClientSetLimits));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        _emulator.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw GET order")]
    [BenchmarkCategory("GetOrder")]
    public Task<byte[]> RawGetOrder() => _raw.GetByteArrayAsync(_orderUrl);

    [Benchmark(Description = "GetOrderAsync")]
    [BenchmarkCategory("GetOrder")]
    public Task<OrderDetails> ClientGetOrder() => _client.GetOrderAsync(BenchmarkScenario.FirstOrder);

    [Benchmark(Baseline = true, Description = "raw GET 100 orders")]
    [BenchmarkCategory("ListOrders")]
    public Task<byte[]> RawListOrders() => _raw.GetByteArrayAsync(_ordersPageUrl);

    [Benchmark(Description = "ListOrders, first page")]
    [BenchmarkCategory("ListOrders")]
    public async Task<int> ClientListOrders()
    {
        await foreach (var page in _client.ListOrders().PagesAsync())
        {
            return page.Items.Count;
        }

        return 0;
    }

    [Benchmark(Baseline = true, Description = "raw POST set_limits")]
    [BenchmarkCategory("SetLimits")]
    public async Task<byte[]> RawSetLimits()
    {
        using var content = new ByteArrayContent(LimitsBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _raw.PostAsync(_setLimitsUrl, content);
        return await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
    }

    [Benchmark(Description = "SetProviderResourceLimitsAsync")]
    [BenchmarkCategory("SetLimits")]
    public Task<StatusResponse> ClientSetLimits() => _client.SetProviderResourceLimitsAsync(BenchmarkScenario.Resource, Limits);

    /// <summary>Both sides must measure successful calls of the same size, not fast failures.</summary>
    private void Verify()
    {
        var order = ClientGetOrder().GetAwaiter().GetResult();
        var orders = ClientListOrders().GetAwaiter().GetResult();
        var limits = ClientSetLimits().GetAwaiter().GetResult();
        if (order.Uuid != BenchmarkScenario.FirstOrder || orders != 100 || string.IsNullOrEmpty(limits.Status))
        {
            throw new InvalidOperationException($"the emulator answered unexpectedly: order {order.Uuid}, {orders} orders, status '{limits.Status}'");
        }

        if (RawGetOrder().GetAwaiter().GetResult().Length == 0 || RawListOrders().GetAwaiter().GetResult().Length == 0 || RawSetLimits().GetAwaiter().GetResult().Length == 0)
        {
            throw new InvalidOperationException("a raw baseline request answered without a body");
        }
    }
}
