namespace SiteAgent.Waldur.Http;

/// <summary>A successful (2xx) answer: the whole body and the paging headers.</summary>
/// <param name="Body">Response body, possibly empty.</param>
/// <param name="Link">The <c>Link</c> header, if any.</param>
/// <param name="ResultCount">The <c>x-result-count</c> header, if any.</param>
internal sealed record WaldurResponse(byte[] Body, string? Link, int? ResultCount);
