namespace SiteAgent.Backends;

/// <summary>
/// A deliberate, user-facing backend failure. Its message is sent to Waldur when an order or
/// resource is marked erred, so it must name what failed and never contain secrets.
/// </summary>
public class BackendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BackendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public BackendException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The backend id is already taken on the backend; the core tries the next candidate.</summary>
public sealed class DuplicateResourceException : BackendException
{
    /// <summary>Creates the exception for a backend id.</summary>
    public DuplicateResourceException(string backendId)
        : base($"The resource with ID {backendId} already exists in the cluster") => BackendId = backendId;

    /// <summary>The id that is taken.</summary>
    public string BackendId { get; }
}

/// <summary>
/// Creating a resource failed before anything existed under its backend id, so the id the core claimed
/// for it in Waldur can be released. The message is the cause's.
/// </summary>
public sealed class ResourceNotCreatedException : BackendException
{
    /// <summary>Wraps the failure that stopped the creation.</summary>
    public ResourceNotCreatedException(BackendException cause)
        : base(cause.Message, cause)
    {
    }
}

/// <summary>
/// The backend object under a resource's backend id is not that resource's own (another resource's, or a
/// parent object such as a project account); nothing was written to it. The message names both sides.
/// </summary>
public sealed class NotOwnedException : BackendException
{
    /// <summary>Creates the exception.</summary>
    public NotOwnedException(string message)
        : base(message)
    {
    }
}

/// <summary>A command ran past its time limit and was killed: what it changed before that is unknown.</summary>
public sealed class CommandTimeoutException : BackendException
{
    /// <summary>Creates the exception.</summary>
    public CommandTimeoutException(string message)
        : base(message)
    {
    }
}

/// <summary>The backend cannot work right now (unreachable, busy); the order is left for the next cycle.</summary>
public sealed class BackendNotReadyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BackendNotReadyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public BackendNotReadyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A Waldur-supplied value was refused before it could reach a command line or a path.</summary>
public sealed class UnsafeValueException : BackendException
{
    /// <summary>Creates the exception naming the field and the reason (the value is quoted safely by the caller).</summary>
    public UnsafeValueException(string message)
        : base(message)
    {
    }
}

/// <summary>The user must take an action in Waldur before a username can be assigned.</summary>
public sealed class UsernameActionRequiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UsernameActionRequiredException(UsernameAction action, string message, string? commentUrl = null)
        : base(message)
    {
        Action = action;
        CommentUrl = commentUrl;
    }

    /// <summary>What the user must do.</summary>
    public UsernameAction Action { get; }

    /// <summary>Where the user can read more, if anywhere.</summary>
    public string? CommentUrl { get; }
}

/// <summary>User actions a username backend can ask for.</summary>
public enum UsernameAction
{
    /// <summary>Link an existing account (<c>Pending account linking</c>).</summary>
    AccountLinking,

    /// <summary>Pass additional validation (<c>Pending additional validation</c>).</summary>
    AdditionalValidation,
}
