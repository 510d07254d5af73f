namespace SiteAgent.Waldur.Contract;

/// <summary>What part of an exchange broke the contract.</summary>
public enum ViolationKind
{
    UnknownOperation,
    InvalidPathParameter,
    UndeclaredQueryParameter,
    InvalidQueryValue,
    UnexpectedRequestBody,
    MissingRequestBody,
    UndeclaredContentType,
    InvalidJson,
    RequestBody,
    UndeclaredStatus,
    MissingHeader,
    UnexpectedResponseBody,
    MissingResponseBody,
    ResponseBody,
    UnrequestedField,

    /// <summary>The validator itself failed on the exchange, so it could not be checked.</summary>
    ObserverFailure,
}

/// <summary>One contract mismatch, located by a JSON path inside the request or response.</summary>
/// <param name="Kind">The category of mismatch.</param>
/// <param name="OperationId">The matched operation, when one matched.</param>
/// <param name="Location">"request", "response", "query" or "path".</param>
/// <param name="JsonPath">Where in the JSON (e.g. <c>$[3].state</c>) or the parameter name.</param>
/// <param name="Message">What was wrong, e.g. <c>expected integer, got string</c>.</param>
public sealed record ContractViolation(ViolationKind Kind, string? OperationId, string Location, string JsonPath, string Message)
{
    /// <summary>Renders as <c>[operation location] $.path: message</c>.</summary>
    public override string ToString() => $"[{OperationId ?? "?"} {Location}] {JsonPath}: {Message}";
}
