using SiteAgent.Backends.Model;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Models;
using SiteAgent.Waldur.Queries;

namespace SiteAgent.Core.Users;

/// <summary>The offering's non-restricted users, listed once per cycle and re-listed after usernames change.</summary>
public sealed class OfferingUsersDirectory
{
    private readonly WaldurClient _waldur;
    private readonly Guid _offeringUuid;
    private readonly OfferingUserFields _fields;
    private IReadOnlyList<OfferingUser>? _users;

    /// <summary>Creates the directory for one offering.</summary>
    public OfferingUsersDirectory(WaldurClient waldur, Guid offeringUuid, OfferingUserFields fields)
    {
        _waldur = waldur;
        _offeringUuid = offeringUuid;
        _fields = fields;
    }

    /// <summary>All non-restricted offering users (cached until <see cref="Invalidate"/>).</summary>
    public async Task<IReadOnlyList<OfferingUser>> AllAsync(CancellationToken cancellationToken)
    {
        if (_users is null)
        {
            var fields = await _fields.ForOfferingAsync(_waldur, _offeringUuid, cancellationToken).ConfigureAwait(false);
            _users = await _waldur.ListOfferingUsers(new OfferingUserListQuery
            {
                OfferingUuids = [_offeringUuid],
                IsRestricted = false,
                Fields = fields,
            }).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return _users;
    }

    /// <summary>Forgets the cached list (after usernames were written).</summary>
    public void Invalidate() => _users = null;

    /// <summary>An offering user as a backend sees it: the exposed profile attributes as text, non-empty only.</summary>
    public static OfferingUserInfo ToInfo(OfferingUser user) => new()
    {
        Uuid = user.Uuid ?? Guid.Empty,
        UserUuid = user.UserUuid,
        Username = user.Username ?? string.Empty,
        State = user.State ?? string.Empty,
        UserUsername = user.UserUsername ?? string.Empty,
        Attributes = Attributes(user),
    };

    private static Dictionary<string, string> Attributes(OfferingUser user)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                attributes[name] = value;
            }
        }

        Add("full_name", user.UserFullName);
        Add("first_name", user.UserFirstName);
        Add("last_name", user.UserLastName);
        Add("email", user.UserEmail);
        Add("phone_number", user.UserPhoneNumber);
        Add("organization", user.UserOrganization);
        Add("job_title", user.UserJobTitle);
        Add("gender", user.UserGender);
        Add("personal_title", user.UserPersonalTitle);
        Add("place_of_birth", user.UserPlaceOfBirth);
        Add("country_of_residence", user.UserCountryOfResidence);
        Add("nationality", user.UserNationality);
        Add("organization_country", user.UserOrganizationCountry);
        Add("organization_type", user.UserOrganizationType);
        Add("organization_registry_code", user.UserOrganizationRegistryCode);
        Add("civil_number", user.UserCivilNumber);
        Add("birth_date", user.UserBirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("identity_source", user.UserIdentitySource);
        if (user.UserAffiliations is { Count: > 0 } affiliations)
        {
            Add("affiliations", string.Join(",", affiliations));
        }

        return attributes;
    }
}
