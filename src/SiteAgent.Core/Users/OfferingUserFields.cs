using SiteAgent.Waldur;

namespace SiteAgent.Core.Users;

/// <summary>
/// Which offering-user fields to request: the core fields plus those the offering's user-attribute
/// configuration exposes. The configuration is cached per offering for 5 minutes.
/// </summary>
public sealed class OfferingUserFields
{
    private static readonly string[] CoreFields = ["uuid", "url", "username", "user_uuid", "state"];
    private static readonly string[] DefaultExposed = ["username", "full_name", "email"];
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Dictionary<Guid, (DateTimeOffset Expires, IReadOnlyList<string> Fields)> _cache = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    /// <summary>Creates the cache.</summary>
    public OfferingUserFields(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>The field list for listing the offering's users.</summary>
    public async Task<IReadOnlyList<string>> ForOfferingAsync(WaldurClient waldur, Guid offeringUuid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(offeringUuid, out var entry) && entry.Expires > _time.GetUtcNow())
            {
                return entry.Fields;
            }
        }

        IReadOnlyList<string> exposed;
        try
        {
            var config = await waldur.GetOfferingUserAttributeConfigAsync(offeringUuid, cancellationToken).ConfigureAwait(false);
            exposed = config.ExposedFields ?? DefaultExposed;
        }
        catch (WaldurException)
        {
            exposed = DefaultExposed;
        }

        var fields = CoreFields.Concat(exposed.SelectMany(Map)).Distinct(StringComparer.Ordinal).ToArray();
        lock (_gate)
        {
            _cache[offeringUuid] = (_time.GetUtcNow() + Lifetime, fields);
        }

        return fields;
    }

    private static IEnumerable<string> Map(string attribute) => attribute switch
    {
        "username" => ["user_username"],
        "full_name" => ["user_full_name", "user_first_name", "user_last_name"],
        _ => ["user_" + attribute],
    };
}
