using System.Text;
using System.Text.RegularExpressions;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Checks every Waldur-supplied value before it becomes an element of a SLURM command line or a
/// path. A refused value throws <see cref="UnsafeValueException"/>
/// naming the field and the rule; nothing is run with it.
/// </summary>
/// <remarks>
/// Running without a shell is not enough: sacctmgr parses its own arguments. A bare word is a name,
/// but <c>where</c>/<c>set</c>/<c>and</c> are keywords; a <c>,</c> makes a list (<c>add user eve,mallory</c>
/// adds two users); an <c>=</c> turns a name into an option (<c>add user name=zed</c> adds <c>zed</c>);
/// a leading <c>-</c> is read as a command-line option; quotes are stripped. Hence allow-lists, not escaping.
/// </remarks>
public static partial class SlurmNames
{
    /// <summary>Longest account name we create: slurmdbd's key is the first 42 characters, longer generated ids are shortened.</summary>
    public const int MaxNewAccountLength = 42;

    /// <summary>Longest account name SLURM stores (tinytext); accepted for accounts that already exist.</summary>
    public const int MaxAccountLength = 255;

    /// <summary>Longest username, in UTF-8 bytes.</summary>
    public const int MaxUsernameBytes = 255;

    // Words sacctmgr gives a meaning to in the positions our names occupy.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "set", "and", "or", "qos", "tres", "cluster", "clusters", "account", "accounts", "user", "users",
        "assoc", "association", "associations", "withassoc", "withcoord", "withdeleted", "withsubaccounts",
        "wopinfo", "woplimits", "wolimits", "wopl", "name", "names", "parent", "format", "partition", "partitions",
        "qoslevel", "defaultqos", "defaultaccount", "event", "federation", "problem", "reservation", "resource",
        "runawayjobs", "stats", "transaction", "transactions", "wckey", "wckeys", "configuration", "all",
    };

    /// <summary>
    /// Validates an existing SLURM account id (one Waldur already stores, or one read from SLURM) and
    /// returns it lower-cased (SLURM folds account names, so ids that differ only in case are the same account).
    /// </summary>
    /// <param name="value">The id.</param>
    /// <param name="field">What the value is, for the message (e.g. <c>resource backend_id</c>).</param>
    public static string Account(string? value, string field)
    {
        var lower = AccountCharacters(value, field);
        if (lower.Length > MaxAccountLength)
        {
            throw Refuse(field, value, $"it has {lower.Length} characters; SLURM stores at most {MaxAccountLength}");
        }

        return lower;
    }

    /// <summary>
    /// Validates a generated account id at its full length and returns it lower-cased, not yet shortened
    /// (<see cref="Shorten"/>); a customer or project id is first looked up at this length.
    /// </summary>
    /// <param name="value">The generated id (prefix + slug).</param>
    /// <param name="field">What the value is, for the message (e.g. <c>project account id</c>).</param>
    public static string GeneratedAccount(string? value, string field) => AccountCharacters(value, field);

    /// <summary>Validates a generated id and returns the id to create: lower-cased, shortened when longer than 42 characters.</summary>
    /// <param name="value">The generated id (prefix + slug).</param>
    /// <param name="field">What the value is, for the message.</param>
    public static string NewAccount(string? value, string field) => Shorten(GeneratedAccount(value, field));

    /// <summary>Validates an offering username (Waldur's username pattern, without ':' and '$').</summary>
    public static string Username(string? value, string field = "username")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Refuse(field, value, "it is empty");
        }

        if (!UsernamePattern().IsMatch(value))
        {
            throw Refuse(field, value, "a SLURM username may only contain letters, digits, '_', '.', '-' and must not start with '-'");
        }

        if (value is "." or "..")
        {
            throw Refuse(field, value, "it is a path component, not a name");
        }

        if (Encoding.UTF8.GetByteCount(value) > MaxUsernameBytes)
        {
            throw Refuse(field, value, $"it is longer than {MaxUsernameBytes} bytes");
        }

        RejectKeyword(field, value);
        return value;
    }

    /// <summary>Validates a QoS name (refused as <c>Invalid SLURM QoS name</c>).</summary>
    public static string Qos(string? value) => QosOrPartition(value, "QoS");

    /// <summary>Validates a partition name (refused as <c>Invalid SLURM partition name</c>).</summary>
    public static string Partition(string? value) => QosOrPartition(value, "partition");

    /// <summary>Validates a TRES name used as a limit key (<c>cpu</c>, <c>gres/gpu:a100</c>).</summary>
    public static string Tres(string? value)
    {
        if (string.IsNullOrEmpty(value) || !TresPattern().IsMatch(value))
        {
            throw Refuse("TRES name", value, "expected a TRES name such as cpu, mem or gres/gpu");
        }

        return value;
    }

    /// <summary>
    /// Makes free text (a resource, project or customer name) safe as the value of <c>description="…"</c>:
    /// quotes removed, control characters dropped, whitespace runs collapsed to one space, trimmed.
    /// </summary>
    /// <remarks>
    /// The text stays one argument element, so commas and '=' are harmless inside the quotes (a real
    /// cluster stores <c>Mixed Case, with comma</c> as is, lower-cased, and <c>O'Brien x=y</c> as
    /// <c>o`brien x=y</c>). A <c>"</c> would end the quoted value early; a newline would be stored and
    /// later split a <c>--parsable2</c> record over two lines.
    /// </remarks>
    public static string Description(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || c == '"')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A value quoted for an error message: control characters escaped, long values cut.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var builder = new StringBuilder("'");
        foreach (var c in value.Length > 80 ? value[..80] : value)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        builder.Append(value.Length > 80 ? "…'" : "'");
        return builder.ToString();
    }

    private static string QosOrPartition(string? value, string kind)
    {
        if (string.IsNullOrEmpty(value) || !QosPattern().IsMatch(value) || value[0] == '-')
        {
            throw new UnsafeValueException($"Invalid SLURM {kind} name: {Quote(value)} (allowed: letters, digits, '_', '-'; no leading '-')");
        }

        RejectKeyword($"SLURM {kind} name", value);
        return value;
    }

    private static string AccountCharacters(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Refuse(field, value, "it is empty");
        }

        var lower = value.ToLowerInvariant();
        if (!AccountPattern().IsMatch(lower))
        {
            throw Refuse(field, value, "a SLURM account id may only contain a-z, 0-9, '_', '.', '-' and must not start with '-' or '.'");
        }

        RejectKeyword(field, value);
        return lower;
    }

    private static void RejectKeyword(string field, string value)
    {
        if (Keywords.Contains(value))
        {
            throw Refuse(field, value, "it is a sacctmgr keyword and would change the meaning of the command");
        }
    }

    private static UnsafeValueException Refuse(string field, string? value, string reason) =>
        new($"Refusing {field} {Quote(value)}: {reason}");

    [GeneratedRegex("^[a-z0-9_][a-z0-9_.-]*\\z")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[A-Za-z0-9_.][A-Za-z0-9_.-]*\\z")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+\\z")]
    private static partial Regex QosPattern();

    [GeneratedRegex("^[a-z]+(/[A-Za-z0-9_.:-]+)?\\z")]
    private static partial Regex TresPattern();
}
