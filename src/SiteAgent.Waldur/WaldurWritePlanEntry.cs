namespace SiteAgent.Waldur;

/// <summary>A Waldur write that dry-run mode did not send.</summary>
/// <param name="OperationId">Schema operationId.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">URL path, with the 32-hex uuid.</param>
/// <param name="Body">Compact JSON body with secrets masked, or null when the call has no body.</param>
public sealed record WaldurWritePlanEntry(string OperationId, string Method, string Path, string? Body)
{
    /// <inheritdoc />
    public override string ToString() => Body is null ? $"{Method} {Path}" : $"{Method} {Path} {Body}";
}
