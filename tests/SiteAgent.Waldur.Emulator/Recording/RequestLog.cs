using System.Text.Json.Nodes;
using SiteAgent.Waldur.Contract;

namespace SiteAgent.Waldur.Emulator.Recording;

/// <summary>One exchange as the emulator saw it.</summary>
/// <param name="Sequence">1-based order of arrival.</param>
/// <param name="At">When the request arrived.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without query.</param>
/// <param name="Query">Raw query string including '?', or empty.</param>
/// <param name="Status">Status answered; 0 when the connection was dropped.</param>
/// <param name="RequestBody">Request body text, if any.</param>
/// <param name="ResponseBody">Response body text, if any.</param>
/// <param name="OperationId">The operation served, when a route matched.</param>
/// <param name="Fault">Which fault was injected ("status", "drop", "delay"), if any.</param>
public sealed record RequestLogEntry(long Sequence, DateTimeOffset At, string Method, string Path, string Query, int Status,
    string? RequestBody, string? ResponseBody, string? OperationId, string? Fault)
{
    /// <summary>Server-side time from reading the request to writing the response (benchmarks subtract it from the client's share).</summary>
    public TimeSpan Handling { get; init; }

    /// <summary>Admin JSON form.</summary>
    public JsonObject ToJson() => new()
    {
        ["sequence"] = Sequence,
        ["at"] = At.ToString("O"),
        ["method"] = Method,
        ["path"] = Path,
        ["query"] = Query,
        ["status"] = Status,
        ["operation_id"] = OperationId,
        ["fault"] = Fault,
        ["request_body"] = RequestBody,
        ["response_body"] = ResponseBody,
    };
}

/// <summary>A contract violation tied to the exchange that produced it.</summary>
public sealed record ObservedViolation(long Sequence, string Method, string Path, ContractViolation Violation)
{
    /// <summary>Admin JSON form.</summary>
    public JsonObject ToJson() => new()
    {
        ["sequence"] = Sequence,
        ["method"] = Method,
        ["path"] = Path,
        ["kind"] = Violation.Kind.ToString(),
        ["operation_id"] = Violation.OperationId,
        ["location"] = Violation.Location,
        ["json_path"] = Violation.JsonPath,
        ["message"] = Violation.Message,
    };
}

/// <summary>Bounded, thread-safe log of exchanges and of contract violations found in them.</summary>
public sealed class RequestLog(int capacity)
{
    private readonly object _sync = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();
    private readonly List<ObservedViolation> _violations = [];
    private long _sequence;

    /// <summary>Next sequence number.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Appends an entry, dropping the oldest beyond capacity.</summary>
    public void Add(RequestLogEntry entry)
    {
        lock (_sync)
        {
            _entries.AddLast(entry);
            while (_entries.Count > capacity) _entries.RemoveFirst();
        }
    }

    /// <summary>Records violations of one exchange.</summary>
    public void AddViolations(IEnumerable<ObservedViolation> violations)
    {
        lock (_sync) _violations.AddRange(violations);
    }

    /// <summary>A snapshot of the log in arrival order.</summary>
    public IReadOnlyList<RequestLogEntry> Entries
    {
        get { lock (_sync) return _entries.ToList(); }
    }

    /// <summary>A snapshot of recorded violations.</summary>
    public IReadOnlyList<ObservedViolation> Violations
    {
        get { lock (_sync) return _violations.ToList(); }
    }

    /// <summary>Forgets the exchanges.</summary>
    public void ClearEntries()
    {
        lock (_sync) _entries.Clear();
    }

    /// <summary>Forgets the violations.</summary>
    public void ClearViolations()
    {
        lock (_sync) _violations.Clear();
    }
}
