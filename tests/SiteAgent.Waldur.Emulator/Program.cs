using System.Globalization;
using System.Runtime.InteropServices;
using SiteAgent.Waldur.Emulator;

// Standalone: dotnet run --project tests/SiteAgent.Waldur.Emulator -- --seed scenarios/demo.yaml [--port N] [--token T]
return await EmulatorProgram.RunAsync(args);

/// <summary>Command line of the standalone emulator.</summary>
internal static class EmulatorProgram
{
    private const string Usage = """
        usage: SiteAgent.Waldur.Emulator [--seed FILE] [--port N] [--token T] [--url-file FILE]
                                         [--waldur-8.0] [--contract-observer] [--quiet]
                                         [--oidc-client-id ID] [--oidc-client-secret S] [--oidc-expires-in SECONDS]
                                         [--broker-management-url URL --broker-user U --broker-password P]
          --seed FILE          scenario to load (YAML or JSON by extension)
          --port N             port on 127.0.0.1 (default 0: pick a free one)
          --token T            static API token (default emulator-token)
          --url-file FILE      write the API URL to FILE once listening
          --waldur-8.0         answer 404 to the five 8.1.x-only operations, like an 8.0.9 server
          --contract-observer  validate every exchange against the OpenAPI contract (GET /__admin/violations)
          --quiet              do not print one line per request
          --broker-management-url URL, --broker-user U, --broker-password P
                               publish events to this RabbitMQ (management API) as Waldur does:
                               subscriptions become broker users and vhosts, create_queue declares
                               the queue, order/role/offering-user/resource changes are published
        usage: SiteAgent.Waldur.Emulator --print-orders API_URL [--token T]
          prints the orders of a running emulator (or any Waldur) with their states and resources
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--print-orders", var apiUrl, ..])
        {
            return await OrdersReport.PrintAsync(apiUrl, args.SkipWhile(a => a != "--token").Skip(1).FirstOrDefault() ?? "emulator-token", Console.Out);
        }

        EmulatorOptions options;
        string? urlFile;
        try
        {
            (options, urlFile) = Parse(args);
            options.Validate();
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or FormatException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options);
        }
        catch (Exception e) when (e is SiteAgent.Waldur.Emulator.Scenario.ScenarioException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        await using var running = host;
        Console.WriteLine($"Waldur emulator listening on {host.ApiUrl}");
        Console.WriteLine($"token: {options.Token}; OIDC: {host.OidcTokenUrl} ({options.Oidc.ClientId}); admin: {host.BaseUrl}__admin/");
        if (urlFile is not null) await File.WriteAllTextAsync(urlFile, host.ApiUrl + Environment.NewLine);
        // SIGINT (Ctrl+C) and SIGTERM stop the server cleanly; the host itself registers no signal handlers.
        var stop = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static (EmulatorOptions, string?) Parse(string[] args)
    {
        var options = new EmulatorOptions { LogRequests = true };
        string? urlFile = null;
        string? brokerUrl = null, brokerUser = null, brokerPassword = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            switch (name)
            {
                case "--seed": options = options with { ScenarioPath = ResolveScenario(Value()) }; break;
                case "--port": options = options with { Port = Number() }; break;
                case "--token": options = options with { Token = Value() }; break;
                case "--url-file": urlFile = Value(); break;
                case "--waldur-8.0": options = options with { EnableWaldur81Operations = false }; break;
                case "--contract-observer": options = options with { ContractObserver = true }; break;
                case "--quiet": options = options with { LogRequests = false }; break;
                case "--broker-management-url": brokerUrl = Value(); break;
                case "--broker-user": brokerUser = Value(); break;
                case "--broker-password": brokerPassword = Value(); break;
                case "--oidc-client-id": options = options with { Oidc = options.Oidc with { ClientId = Value() } }; break;
                case "--oidc-client-secret": options = options with { Oidc = options.Oidc with { ClientSecret = Value() } }; break;
                case "--oidc-expires-in": options = options with { Oidc = options.Oidc with { ExpiresIn = Number() } }; break;
                default: throw new ArgumentException(name is "--help" or "-h" ? "help requested" : $"unknown argument {name}");
            }
        }
        if (brokerUrl is not null)
        {
            if (brokerUser is null || brokerPassword is null) throw new ArgumentException("--broker-management-url needs --broker-user and --broker-password");
            options = options with { Broker = new SiteAgent.Waldur.Emulator.Broker.EmulatorBrokerOptions(new Uri(brokerUrl), brokerUser, brokerPassword) };
        }
        return (options, urlFile);
    }

    /// <summary>A path as given, else a bundled scenario of that name (so <c>--seed demo.yaml</c> works from anywhere).</summary>
    private static string ResolveScenario(string path)
    {
        var bundled = Path.Combine(AppContext.BaseDirectory, "scenarios", path);
        return File.Exists(path) || !File.Exists(bundled) ? path : bundled;
    }
}
