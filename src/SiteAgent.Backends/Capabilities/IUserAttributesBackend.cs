using System.Text.Json;

namespace SiteAgent.Backends.Capabilities;

/// <summary>Keeps user attributes that Waldur exposes to the offering (e.g. email, affiliation) on the backend's user account.</summary>
[BackendCapability(BackendCapabilities.UserAttributes)]
public interface IUserAttributesBackend
{
    /// <summary>
    /// Writes the attributes Waldur sent for <paramref name="username"/> (names as Waldur sends them,
    /// values as JSON). Only the given attributes change; a backend validates the values it writes.
    /// </summary>
    Task UpdateUserAttributesAsync(string username, IReadOnlyDictionary<string, JsonElement> attributes, CancellationToken cancellationToken);
}
