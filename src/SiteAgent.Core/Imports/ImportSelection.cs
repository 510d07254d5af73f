using System.Text.RegularExpressions;
using SiteAgent.Backends.Model;

namespace SiteAgent.Core.Imports;

/// <summary>A backend resource Waldur does not know, under the project with <paramref name="ProjectSlug"/>.</summary>
public sealed record ImportCandidate(BackendResourceInfo Resource, string ProjectSlug);

/// <summary>A backend resource that is not offered for import, and why.</summary>
public sealed record ImportRejection(string BackendId, string Reason);

/// <summary>What the backend listing holds for import: candidates, refusals, and the counts of the rest.</summary>
/// <param name="Candidates">Unknown to Waldur, under a project-prefixed parent with a valid slug.</param>
/// <param name="Rejected">Values that may not go into a Waldur query.</param>
/// <param name="Known">Already resources of the offering in Waldur.</param>
/// <param name="OutsidePrefix">Parent id without the project prefix: not a project's resource.</param>
public sealed partial record ImportSelection(IReadOnlyList<ImportCandidate> Candidates, IReadOnlyList<ImportRejection> Rejected, int Known, int OutsidePrefix)
{
    /// <summary>
    /// Sorts the backend's resources: the ones Waldur knows (by backend id, ignoring case) are skipped;
    /// a parent id must start with <paramref name="projectPrefix"/> (ignoring case), and what follows is
    /// the project's slug. Backend ids and slugs go into Waldur queries, so both must be made of letters,
    /// digits, <c>-</c> and <c>_</c>, not start with <c>-</c>; anything else is rejected with the reason.
    /// </summary>
    public static ImportSelection From(IReadOnlyList<BackendResourceInfo> backend, IReadOnlySet<string> knownBackendIds, string projectPrefix)
    {
        var candidates = new List<ImportCandidate>();
        var rejected = new List<ImportRejection>();
        int known = 0, outside = 0;
        foreach (var resource in backend)
        {
            if (knownBackendIds.Contains(resource.BackendId))
            {
                known++;
                continue;
            }

            if (!resource.ParentId.StartsWith(projectPrefix, StringComparison.OrdinalIgnoreCase))
            {
                outside++;
                continue;
            }

            var slug = resource.ParentId[projectPrefix.Length..];
            if (Refusal("backend id", resource.BackendId) is { } badId)
            {
                rejected.Add(new ImportRejection(resource.BackendId, badId));
            }
            else if (Refusal($"project slug (parent id \"{Printable(resource.ParentId)}\" after the project prefix \"{projectPrefix}\")", slug) is { } badSlug)
            {
                rejected.Add(new ImportRejection(resource.BackendId, badSlug));
            }
            else
            {
                candidates.Add(new ImportCandidate(resource, slug));
            }
        }

        return new ImportSelection(candidates, rejected, known, outside);
    }

    /// <summary>Why <paramref name="value"/> may not go into a Waldur query, or null when it may.</summary>
    public static string? Refusal(string what, string value)
    {
        if (value.Length == 0)
        {
            return $"the {what} is empty";
        }

        if (value.Length > MaxLength)
        {
            return $"the {what} has {value.Length} characters; at most {MaxLength} are accepted";
        }

        return SafeValue().IsMatch(value)
            ? null
            : $"the {what} \"{Printable(value)}\" may only hold letters, digits, '-' and '_', and not start with '-'";
    }

    private const int MaxLength = 255;

    private static string Printable(string value) =>
        new(value.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeValue();
}
