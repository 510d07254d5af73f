namespace SiteAgent.Waldur;

/// <summary>Builds the User-Agent Waldur uses to recognise agent traffic.</summary>
public static class WaldurUserAgent
{
    /// <summary>The prefix Waldur looks for.</summary>
    public const string Prefix = "waldur-site-agent";

    /// <summary><c>waldur-site-agent-&lt;suffix&gt;/&lt;version&gt;</c>, e.g. <c>waldur-site-agent-order_process/0.1.0</c>.</summary>
    public static string For(string suffix, string version) => $"{Prefix}-{suffix}/{version}";
}
