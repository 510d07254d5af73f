using System.Net.Http.Headers;

namespace SiteAgent.Waldur.Auth;

/// <summary>Supplies the Authorization header of each attempt (fetched per attempt so a refreshed token is used).</summary>
internal abstract class WaldurAuthenticator
{
    /// <summary>The header for the next request.</summary>
    public abstract ValueTask<AuthenticationHeaderValue> GetHeaderAsync(CancellationToken cancellationToken);

    /// <summary>Waldur refused the header (401): forget it if it can be fetched again.</summary>
    public virtual bool Invalidate(AuthenticationHeaderValue header) => false;
}

/// <summary><c>Authorization: Token &lt;token&gt;</c>.</summary>
internal sealed class StaticTokenAuthenticator(string token) : WaldurAuthenticator
{
    private readonly AuthenticationHeaderValue _header = new("Token", token);

    /// <inheritdoc />
    public override ValueTask<AuthenticationHeaderValue> GetHeaderAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_header);
}
