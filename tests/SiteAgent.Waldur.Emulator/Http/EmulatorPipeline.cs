using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteAgent.Waldur.Contract;
using SiteAgent.Waldur.Emulator.Broker;
using SiteAgent.Waldur.Emulator.Admin;
using SiteAgent.Waldur.Emulator.Auth;
using SiteAgent.Waldur.Emulator.Faults;
using SiteAgent.Waldur.Emulator.Recording;
using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>The single request delegate: admin API, fault injection, auth, routing, shaping, logging, contract observation.</summary>
public sealed partial class EmulatorPipeline
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private readonly ContractValidator _validator;

    public EmulatorPipeline(EmulatorOptions options, EmulatorState state, ApiRouteTable routes)
    {
        Options = options;
        State = state;
        Routes = routes;
        Log = new RequestLog(options.RequestLogCapacity);
        Auth = new TokenAuthenticator(state, options);
        Admin = new AdminApi(this);
        Publisher = options.Broker is { } broker ? new EventPublisher(broker) : null;
        var extra = routes.Routes.Where(r => r.Since81).Select(r => $"{r.Method} {r.Template}").ToList();
        _validator = new ContractValidator(WaldurContract.Default, new ContractValidatorOptions(ExtraOperations: extra));
    }

    public EmulatorOptions Options { get; }
    public EmulatorState State { get; }
    public ApiRouteTable Routes { get; }
    public RequestLog Log { get; }
    public FaultInjector Faults { get; } = new();
    public TokenAuthenticator Auth { get; }
    private AdminApi Admin { get; }

    /// <summary>Waldur's publishing side on a real broker, when <see cref="EmulatorOptions.Broker"/> is set.</summary>
    public EventPublisher? Publisher { get; }

    /// <summary>Handles one HTTP request end to end.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var path = http.Request.Path.Value ?? "/";
        var requestBody = await ReadBodyAsync(http.Request);
        if (path.StartsWith("/__admin/", StringComparison.Ordinal))
        {
            var answer = Admin.Handle(http, requestBody);
            await PublishChangesAsync(http);
            await WriteAsync(http, answer);
            return;
        }
        var sequence = Log.NextSequence();
        var at = Options.Clock.GetUtcNow();
        var method = http.Request.Method.ToUpperInvariant();
        var fault = Faults.Take(method, path);
        string? faultKind = null;
        if (fault is { DelayMs: > 0 })
        {
            faultKind = "delay";
            await Task.Delay(fault.DelayMs, http.RequestAborted);
        }
        if (fault is { Drop: true })
        {
            Record(new RequestLogEntry(sequence, at, method, path, http.Request.QueryString.Value ?? "", 0, requestBody, null, null, "drop")
                { Handling = System.Diagnostics.Stopwatch.GetElapsedTime(started) });
            http.Abort();
            return;
        }
        string? operationId = null;
        ApiResult result;
        if (fault?.Status is { } status)
        {
            faultKind = "status";
            var headers = fault.RetryAfter is { } retry ? new Dictionary<string, string> { ["Retry-After"] = retry } : null;
            result = new ApiResult(status, fault.Body?.DeepClone() ?? new JsonObject { ["detail"] = $"Injected fault {status}." }, headers);
        }
        else
        {
            result = Dispatch(http, path, method, requestBody, id => operationId = id);
            await PublishChangesAsync(http);
        }
        var responseBody = await WriteAsync(http, result);
        Record(new RequestLogEntry(sequence, at, method, path, http.Request.QueryString.Value ?? "", result.Status, requestBody, responseBody, operationId, faultKind)
            { Handling = System.Diagnostics.Stopwatch.GetElapsedTime(started) });
        if (Options.ContractObserver && faultKind != "status" && path.StartsWith("/api/", StringComparison.Ordinal))
        {
            try
            {
                Observe(http, sequence, method, path, requestBody, result, responseBody);
            }
            catch (Exception error)
            {
                // The response is already sent, so a validator crash would otherwise vanish and the exchange pass unchecked.
                Log.AddViolations([new ObservedViolation(sequence, method, path, new ContractViolation(ViolationKind.ObserverFailure, operationId, "response", "$",
                    $"the contract observer failed: {error.GetType().Name}: {error.Message}"))]);
            }
        }
    }

    /// <summary>Empties the state; only the built-in roles remain (the token user is created on first use).</summary>
    /// <remarks>The caller holds the state lock.</remarks>
    public void Reset()
    {
        State.Clear();
        Publisher?.Rebaseline(State);
    }

    /// <summary>Empties state, request log, violations and faults (admin API: <c>POST /__admin/reset</c>).</summary>
    public void ResetAll()
    {
        lock (State.Sync) Reset();
        Log.ClearEntries();
        Log.ClearViolations();
        Faults.Clear();
    }

    private void Record(RequestLogEntry entry)
    {
        Log.Add(entry);
        if (Options.LogRequests)
            Console.WriteLine($"{entry.At:HH:mm:ss.fff} {entry.Method} {entry.Path}{entry.Query} -> {(entry.Status == 0 ? "dropped" : entry.Status)}{(entry.Fault is null ? "" : $" [fault: {entry.Fault}]")}");
    }

    private void Observe(HttpContext http, long sequence, string method, string path, string? requestBody, ApiResult result, string? responseBody)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>()) headers[name] = value;
        var exchange = new ContractExchange(method, path, ContractExchange.ParseQuery(http.Request.QueryString.Value ?? ""),
            http.Request.ContentType, requestBody, result.Status, headers, responseBody);
        var violations = _validator.Validate(exchange);
        if (violations.Count > 0) Log.AddViolations(violations.Select(v => new ObservedViolation(sequence, method, path, v)));
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxBodyBytes) throw new InvalidDataException($"request body over {MaxBodyBytes} bytes");
        return buffer.Length == 0 ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a result and returns the body text that was sent.</summary>
    internal static async Task<string?> WriteAsync(HttpContext http, ApiResult result)
    {
        http.Response.StatusCode = result.Status;
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>()) http.Response.Headers[name] = value;
        if (result.Body is null) return null;
        var text = result.Body.ToJsonString();
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(text);
        return text;
    }
}
