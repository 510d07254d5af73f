using System.Security.Cryptography;
using System.Text;

namespace SiteAgent.Backends.Slurm;

/// <summary>Deterministic shortening of generated account ids to the length slurmdbd keys accounts by.</summary>
/// <remarks>
/// slurmdbd 22.05 stores a longer account name in full and finds it by its full name, but its unique
/// key is the first 42 characters: a second name sharing them fails with <c>Problem adding accounts:
/// Unspecified error</c>. Waldur slugs reach 50 characters, so prefix + slug often passes 42. A long id
/// becomes its first characters plus a hash of the whole id: readable, stable across runs and agents,
/// and different for two ids that share their first 42 characters.
/// </remarks>
public static partial class SlurmNames
{
    /// <summary>Hex digits of the SHA-256 of the full id kept in a shortened id.</summary>
    public const int ShortHashLength = 8;

    /// <summary>
    /// <paramref name="id"/> when it has at most 42 characters; otherwise its first characters (trailing
    /// '-' and '.' dropped), '-' and the first 8 hex digits of the SHA-256 of the whole id.
    /// </summary>
    /// <param name="id">A lower-cased id that already passed the character rules.</param>
    public static string Shorten(string id)
    {
        if (id.Length <= MaxNewAccountLength)
        {
            return id;
        }

        // The first character is never '-' or '.', so the start never trims away to nothing.
        var start = id[..(MaxNewAccountLength - ShortHashLength - 1)].TrimEnd('-', '.');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..ShortHashLength];
        return $"{start}-{hash}";
    }
}
