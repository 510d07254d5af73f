using System.Globalization;

namespace SiteAgent.Backends.Slurm;

/// <summary>One association as the accounting database links it: its id, its parent's id, account and user (empty for an account).</summary>
public sealed record TreeAssociation(long Id, long ParentId, string Account, string User);

/// <summary>Associations whose parent association no longer exists, found in a tree read.</summary>
public static class AssociationTree
{
    /// <summary>
    /// The associations whose parent id names no association of the same read. The cluster's root
    /// association (parent id 0) has no parent by design.
    /// </summary>
    /// <remarks>
    /// slurmdbd rebuilds the tree from these links when it starts; an association that points at a
    /// removed parent makes it fail on every start, so it is reported before that happens.
    /// </remarks>
    public static IReadOnlyList<TreeAssociation> Orphans(IReadOnlyList<TreeAssociation> tree)
    {
        var ids = tree.Select(a => a.Id).ToHashSet();
        return tree.Where(a => a.ParentId != 0 && !ids.Contains(a.ParentId)).ToList();
    }

    /// <summary>Account names of every account association below <paramref name="root"/> (not the root itself).</summary>
    public static IReadOnlyList<string> AccountsBelow(IReadOnlyList<TreeAssociation> tree, string root)
    {
        var children = tree.Where(a => a.User.Length == 0).ToLookup(a => a.ParentId);
        var start = tree.FirstOrDefault(a => a.User.Length == 0 && string.Equals(a.Account, root, StringComparison.Ordinal));
        if (start is null)
        {
            return [];
        }

        var found = new List<string>();
        var pending = new Stack<long>([start.Id]);
        var seen = new HashSet<long> { start.Id };
        while (pending.TryPop(out var id))
        {
            foreach (var child in children[id])
            {
                if (seen.Add(child.Id))
                {
                    found.Add(child.Account);
                    pending.Push(child.Id);
                }
            }
        }

        return found;
    }
}

public static partial class SlurmParser
{
    /// <summary>Parses <c>sacctmgr show association format=ID,ParentID,Account,User</c>; lines without a numeric id are skipped.</summary>
    public static IReadOnlyList<TreeAssociation> ParseAssociationTree(string text)
    {
        var rows = new List<TreeAssociation>();
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (FieldCount(line) < 4
                || !long.TryParse(Field(line, 0), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !long.TryParse(Field(line, 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                continue;
            }

            rows.Add(new TreeAssociation(id, parent, Field(line, 2).ToString(), Field(line, 3).ToString()));
        }

        return rows;
    }
}
