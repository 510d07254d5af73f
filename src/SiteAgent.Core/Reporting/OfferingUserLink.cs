using SiteAgent.Waldur.Models;

namespace SiteAgent.Core.Reporting;

/// <summary>An offering user as per-user usage refers to it: the username Waldur records and the user's API URL.</summary>
public sealed record OfferingUserLink(string Username, string Url)
{
    /// <summary>Offering users with a username and URL, keyed by username ignoring case.</summary>
    public static IReadOnlyDictionary<string, OfferingUserLink> Index(IEnumerable<OfferingUser> users)
    {
        var index = new Dictionary<string, OfferingUserLink>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (!string.IsNullOrEmpty(user.Username) && !string.IsNullOrEmpty(user.Url))
            {
                index[user.Username] = new OfferingUserLink(user.Username, user.Url);
            }
        }

        return index;
    }
}
