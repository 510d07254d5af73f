namespace SiteAgent.Waldur.Http;

/// <summary>A successful answer: status, the whole body and the paging headers.</summary>
/// <param name="StatusCode">HTTP status (2xx).</param>
/// <param name="Body">Response body, possibly empty.</param>
/// <param name="Link">The <c>Link</c> header, if any.</param>
/// <param name="ResultCount">The <c>x-result-count</c> header, if any.</param>
internal sealed record WaldurResponse(int StatusCode, byte[] Body, string? Link, int? ResultCount);
