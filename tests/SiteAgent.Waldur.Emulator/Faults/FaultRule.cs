using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SiteAgent.Waldur.Emulator.Faults;

/// <summary>A fault to inject on matching requests: a delay, then a status answer or a dropped connection.</summary>
/// <remarks>
/// Admin JSON: <c>{"path": "/api/marketplace-orders/**", "method": "POST", "times": 2, "status": 503,
/// "retryAfter": "1", "body": {"detail": "busy"}, "delayMs": 0, "drop": false}</c>. <c>path</c> is a glob
/// (<c>*</c> within a segment, <c>**</c> across segments, <c>?</c> one character); <c>pathRegex</c> is a .NET
/// regex instead. Without <c>times</c> the rule applies until removed. A rule with only <c>delayMs</c> delays
/// and then lets the request through. With <c>"afterHandling": true</c> the request is applied first and
/// only its answer is replaced or dropped: a write that took effect although the client never heard so.
/// </remarks>
public sealed record FaultRule
{
    public string? Path { get; init; }
    public string? PathRegex { get; init; }
    public string? Method { get; init; }
    public int? Times { get; init; }
    public int? Status { get; init; }
    public string? RetryAfter { get; init; }
    public JsonNode? Body { get; init; }
    public int DelayMs { get; init; }
    public bool Drop { get; init; }
    public bool AfterHandling { get; init; }

    /// <summary>The compiled path matcher.</summary>
    public Regex Matcher() => new(PathRegex ?? GlobToRegex(Path ?? "**"), RegexOptions.CultureInvariant);

    /// <summary>Rejects rules that would do nothing or cannot match.</summary>
    public void Validate()
    {
        if (Path is not null && PathRegex is not null) throw new ArgumentException("give either path or pathRegex, not both");
        if (Times is <= 0) throw new ArgumentException($"times must be positive, got {Times}");
        if (Status is { } s && (s < 100 || s > 599)) throw new ArgumentException($"status {s} is not an HTTP status");
        if (Status is null && !Drop && DelayMs <= 0) throw new ArgumentException("a fault needs status, drop or delayMs");
        if (AfterHandling && Status is null && !Drop) throw new ArgumentException("afterHandling needs status or drop: it replaces the answer of an applied request");
        if (DelayMs < 0) throw new ArgumentException("delayMs must not be negative");
        _ = Matcher();
    }

    /// <summary>Translates a glob to an anchored regex.</summary>
    public static string GlobToRegex(string glob)
    {
        var pattern = Regex.Escape(glob).Replace(@"\*\*", "\u0001").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]").Replace("\u0001", ".*");
        return $"^{pattern}$";
    }
}
