namespace SiteAgent.Core.Operator.TestOrders;

/// <summary>One thing the backend was asked during a test (today: its ping).</summary>
/// <param name="Operation">What was asked, e.g. <c>ping</c>.</param>
/// <param name="Backend">Which backend: <c>mock</c>, or the configured backend's id.</param>
/// <param name="Outcome">What it answered, in words.</param>
/// <param name="Failed">True when the answer makes the test fail (the backend did not answer).</param>
public sealed record BackendOperation(string Operation, string Backend, string Outcome, bool Failed = false)
{
    /// <inheritdoc />
    public override string ToString() => $"{Operation} ({Backend} backend): {Outcome}";
}

/// <summary>What a check of a template, an order file or an order found.</summary>
public sealed record TestOrderResult
{
    /// <summary>True when there are no errors.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The order's uuid; empty when the order could not be read.</summary>
    public string OrderUuid { get; init; } = string.Empty;

    /// <summary>The order's type; empty when unknown.</summary>
    public string OrderType { get; init; } = string.Empty;

    /// <summary>The order's resource name, when it has one.</summary>
    public string? ResourceName { get; init; }

    /// <summary>What the backend was asked, in order.</summary>
    public IReadOnlyList<BackendOperation> BackendOperations { get; init; } = [];

    /// <summary>Problems that make the order unusable.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Problems the order processor would work around.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How long the order check took; null when not measured.</summary>
    public double? ExecutionTimeSeconds { get; init; }

    /// <summary>A failed result with one error.</summary>
    public static TestOrderResult Failed(string error) => new() { Errors = [error] };
}
