namespace SiteAgent.Backends.Slurm;

/// <summary>sacctmgr refused to create an account because its parent account has no association on the cluster.</summary>
public sealed class ParentAccountMissingException : BackendException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parent">The missing parent account.</param>
    /// <param name="message">What was refused, with sacctmgr's answer.</param>
    public ParentAccountMissingException(string parent, string message)
        : base(message) => Parent = parent;

    /// <summary>The missing parent account.</summary>
    public string Parent { get; }
}
