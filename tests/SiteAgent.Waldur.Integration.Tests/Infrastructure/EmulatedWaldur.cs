using SiteAgent.Waldur.Emulator;
using SiteAgent.Waldur.Emulator.Recording;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Integration.Tests.Infrastructure;

/// <summary>
/// An in-process emulator (demo + integration scenario, contract observer on) and a production
/// <see cref="WaldurClient"/> pointed at it over loopback HTTP with its own connection pool.
/// </summary>
internal sealed class EmulatedWaldur : IAsyncDisposable
{
    /// <summary>The static API token the emulator accepts; never expected in any message.</summary>
    public const string Token = "integration-token-6f1d0c9b8a7e";

    private EmulatedWaldur(EmulatorHost host, WaldurClientOptions options)
    {
        Host = host;
        Options = options;
        Client = new WaldurClient(options);
    }

    public EmulatorHost Host { get; }

    public WaldurClientOptions Options { get; }

    public WaldurClient Client { get; }

    /// <summary>The API root as the client builds URLs from it, e.g. for hyperlinked request fields.</summary>
    public string ApiUrl => Host.ApiUrl;

    public IReadOnlyList<RequestLogEntry> Requests => Host.Requests;

    public static CancellationToken Ct => TestContext.Current!.Execution.CancellationToken;

    /// <summary>Retries fast enough for tests, without jitter, so request counts are exact.</summary>
    public static WaldurRetrySettings FastRetry { get; } = new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(40),
        UseJitter = false,
    };

    public static string ScenarioPath(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    /// <summary>Starts the emulator, seeds it (unless <paramref name="seed"/> is false) and creates the client.</summary>
    public static async Task<EmulatedWaldur> StartAsync(
        bool seed = true,
        Func<EmulatorOptions, EmulatorOptions>? emulator = null,
        Func<WaldurClientOptions, WaldurClientOptions>? client = null)
    {
        var emulatorOptions = new EmulatorOptions { ContractObserver = true, Token = Token, ScenarioPath = seed ? ScenarioPath("demo.yaml") : null };
        var host = await EmulatorHost.StartAsync(emulator?.Invoke(emulatorOptions) ?? emulatorOptions, Ct);
        if (seed)
        {
            host.Seed(await File.ReadAllTextAsync(ScenarioPath("integration.yaml"), Ct), yaml: true);
        }

        var options = new WaldurClientOptions
        {
            ApiUrl = new Uri(host.ApiUrl),
            Credentials = new StaticTokenCredentials(Token),
            UserAgent = WaldurUserAgent.For("integration_tests", "0.1.0"),
            Timeout = TimeSpan.FromSeconds(30),
            ReadRetry = FastRetry,
            WriteRetry = FastRetry,
        };
        return new EmulatedWaldur(host, client?.Invoke(options) ?? options);
    }

    /// <summary>Reads the emulator's state under its lock.</summary>
    public T Read<T>(Func<EmulatorState, T> read) => Host.Read(read);

    /// <summary>Changes the emulator's state under its lock, before the call under test.</summary>
    public void Arrange(Action<EmulatorState> arrange) => Host.Read(state =>
    {
        arrange(state);
        return 0;
    });

    /// <summary>Fails with every contract violation the observer recorded, each with its JSON path.</summary>
    public void AssertNoViolations()
    {
        if (Host.Violations.Count != 0)
        {
            Assert.Fail("contract violations:\n" + string.Join("\n", Host.Violations.Select(v => $"#{v.Sequence} {v.Method} {v.Path}: {v.Violation}")));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>Lookups by client-side <see cref="Guid"/> in the emulator's entity sets.</summary>
internal static class EntitySetExtensions
{
    public static T At<T>(this EntitySet<T> set, Guid id)
        where T : Entity =>
        set.Find(id.Hex()) ?? throw new KeyNotFoundException($"{typeof(T).Name} {id:N} is not in the emulator's state");
}
