using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Periodic;

/// <summary>emulator_mode: the settings go to a real HTTP server on this host as separate POSTs; SLURM is never touched.</summary>
public class EmulatorModeTests
{
    private static CancellationToken Token => TestContext.Current!.Execution.CancellationToken;

    [Test]
    public async Task EverySetting_IsOnePost_WithTheAccountAsResourceId()
    {
        using var emulator = new RecordingEmulator(HttpStatusCode.OK);
        var runner = new ReplayRunner();

        var result = await ApplyAsync(emulator.BaseUrl, runner, "hpc_alloc-1",
            """{"fairshare": 40, "grp_tres_mins": {"billing": 60000, "cpu": 10}, "reset_raw_usage": true, "qos_threshold": {"a": 1}}""");

        await Assert.That(result.Success).IsTrue().Because(result.Error ?? "");
        await Assert.That(result.Mode).IsEqualTo("emulator");
        await Assert.That(result.CommandsExecuted).IsEmpty();
        await Assert.That(emulator.Requests).IsEquivalentTo(
        [
            "POST /api/apply-periodic-settings {\"resource_id\":\"hpc_alloc-1\",\"fairshare\":40}",
            "POST /api/apply-periodic-settings {\"resource_id\":\"hpc_alloc-1\",\"grp_tres_mins\":{\"billing\":60000,\"cpu\":10}}",
            "POST /api/apply-periodic-settings {\"resource_id\":\"hpc_alloc-1\",\"reset_raw_usage\":true}",
        ], CollectionOrdering.Matching);
        await Assert.That(runner.Commands).IsEmpty();
    }

    [Test]
    public async Task ErrorStatus_IsAFailureNamingTheEmulatorAndItsAnswer()
    {
        using var emulator = new RecordingEmulator(HttpStatusCode.InternalServerError);

        var result = await ApplyAsync(emulator.BaseUrl, new ReplayRunner(), "hpc_alloc-1", """{"fairshare": 40, "reset_raw_usage": true}""");

        await Assert.That(result.Success).IsFalse();
        await Assert.That(result.Mode).IsEqualTo("emulator");
        await Assert.That(result.Error).Contains($"{emulator.BaseUrl}api/apply-periodic-settings answered 500");
        await Assert.That(result.Error).Contains("emulator refused");
        await Assert.That(emulator.Requests).HasSingleItem();
    }

    [Test]
    public async Task NothingListening_IsAFailureNamingTheSetting()
    {
        var result = await ApplyAsync($"http://127.0.0.1:{FreePort()}", new ReplayRunner(), "hpc_alloc-1", """{"fairshare": 40}""");

        await Assert.That(result.Success).IsFalse();
        await Assert.That(result.Error).Contains("cannot be reached");
        await Assert.That(result.Error).Contains("periodic_limits.emulator_base_url");
    }

    private static async Task<PeriodicSettingsResult> ApplyAsync(string baseUrl, ICommandRunner runner, string account, string json)
    {
        var backend = new SlurmBackend(
            new SlurmOptions { PeriodicLimits = new PeriodicLimitsOptions(true, true, baseUrl, "GrpTRESMins") },
            new BackendContext
            {
                OfferingName = "emulated",
                OfferingUuid = Guid.NewGuid(),
                Components = [],
                Common = new CommonBackendSettings(),
                Commands = runner,
                LoggerFactory = NullLoggerFactory.Instance,
                TimeZone = TimeZoneInfo.Utc,
            });
        using var document = JsonDocument.Parse(json);
        return await backend.ApplyPeriodicSettingsAsync(account, document.RootElement.Clone(), Token);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>An HTTP server on a free loopback port that records each request and answers with one status.</summary>
    private sealed class RecordingEmulator : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _requests = [];
        private readonly Task _serving;

        public RecordingEmulator(HttpStatusCode status)
        {
            BaseUrl = $"http://127.0.0.1:{FreePort()}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _serving = Task.Run(() => ServeAsync(status));
        }

        public string BaseUrl { get; }

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        public void Dispose()
        {
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task ServeAsync(HttpStatusCode status)
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (_requests)
                {
                    _requests.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {body}");
                }

                context.Response.StatusCode = (int)status;
                var answer = Encoding.UTF8.GetBytes(status == HttpStatusCode.OK ? """{"status":"ok"}""" : """{"detail":"emulator refused"}""");
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
        }
    }
}
