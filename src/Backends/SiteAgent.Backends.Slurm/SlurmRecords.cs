namespace SiteAgent.Backends.Slurm;

/// <summary>An account record as <c>list account</c>/<c>show account</c> print it (global to the slurmdbd).</summary>
/// <param name="Name">Account name (lower case as stored).</param>
/// <param name="Description">Description (lower case as stored).</param>
/// <param name="Organization">Organization: the parent's backend id for accounts the agent made.</param>
public sealed record SlurmAccount(string Name, string Description, string Organization);

/// <summary>The account-level association of one account on one cluster: the settings the agent writes.</summary>
/// <param name="Account">Account name.</param>
/// <param name="Fairshare">Raw share; <c>parent</c> reads as 0.</param>
/// <param name="GrpTres">GrpTRES as name → value text.</param>
/// <param name="GrpTresMins">GrpTRESMins as name → value text.</param>
/// <param name="MaxTres">MaxTRES as name → value text.</param>
/// <param name="MaxTresMins">MaxTRESMins as name → value text.</param>
/// <param name="Qos">QoS names the association may use (SLURM prints them sorted).</param>
/// <param name="DefaultQos">Default QoS, or empty.</param>
public sealed record AssociationSettings(
    string Account,
    long Fairshare,
    IReadOnlyDictionary<string, string> GrpTres,
    IReadOnlyDictionary<string, string> GrpTresMins,
    IReadOnlyDictionary<string, string> MaxTres,
    IReadOnlyDictionary<string, string> MaxTresMins,
    IReadOnlyList<string> Qos,
    string DefaultQos);

/// <summary>Where an account sits in the tree on one cluster.</summary>
/// <param name="Account">The account.</param>
/// <param name="Parent">Its parent; null for none (root itself).</param>
/// <param name="Children">Accounts directly under it.</param>
public sealed record AccountPlacement(string Account, string? Parent, IReadOnlyList<string> Children);

/// <summary>A user record's default account (<c>show user … format=User,DefaultAccount</c>).</summary>
public sealed record SlurmUserDefault(string User, string DefaultAccount);

/// <summary>One job allocation line of <c>sacct</c> usage: requested TRES × elapsed minutes.</summary>
/// <param name="Account">Account as sacct prints it (lower case).</param>
/// <param name="User">User name.</param>
/// <param name="Usage">TRES-minutes per kept TRES; <c>mem</c> already in MB-minutes, floored.</param>
public sealed record UsageLine(string Account, string User, IReadOnlyList<KeyValuePair<string, decimal>> Usage);

/// <summary>A TRES map read from a limit column, in SLURM units (<c>mem</c> in MB).</summary>
/// <param name="Values">Parsed values.</param>
/// <param name="Unparsed">Names whose value could not be read (<c>NONE</c>, garbage): "no limit".</param>
public sealed record TresLimits(IReadOnlyDictionary<string, long> Values, IReadOnlyList<string> Unparsed);

/// <summary>What a sacctmgr write answered, read from its exit code and text.</summary>
public enum SacctmgrOutcome
{
    /// <summary>Exit 0 and no refusal in the text.</summary>
    Success,

    /// <summary><c>Nothing modified</c>, exit 1: success only when the target is known to exist.</summary>
    NothingModified,

    /// <summary><c>Nothing new added.</c>, exit 1: the object already exists.</summary>
    NothingAdded,

    /// <summary><c>Nothing deleted</c>, exit 1: the object was absent.</summary>
    NothingDeleted,

    /// <summary><c>Job(s) active, cancel job(s) before remove</c>, exit 1.</summary>
    JobsActive,

    /// <summary>Exit 0 but the QoS change was refused because associations would lose their default QoS.</summary>
    DefaultQosConflict,

    /// <summary>Any other failure.</summary>
    Failed,
}

/// <summary>An account's associations on the cluster, as one association listing shows them.</summary>
/// <param name="Account">Account name as stored (lower case).</param>
/// <param name="Parent">Parent account; empty for root.</param>
/// <param name="GrpTresMins">GrpTRESMins of the account-level association, in SLURM units.</param>
/// <param name="GrpSubmitJobs">GrpSubmitJobs of the account-level association; null when unset.</param>
/// <param name="Qos">QoS of the account-level association (SLURM prints them sorted).</param>
/// <param name="DefaultQos">Default QoS, or empty.</param>
/// <param name="Users">Users with an association on the account, with their MaxTRESMins.</param>
public sealed record AccountAssociations(
    string Account,
    string Parent,
    TresLimits GrpTresMins,
    long? GrpSubmitJobs,
    IReadOnlyList<string> Qos,
    string DefaultQos,
    IReadOnlyDictionary<string, TresLimits> Users);

/// <summary>What an <c>add account</c> did.</summary>
public enum AccountCreation
{
    /// <summary>The association was created.</summary>
    Created,

    /// <summary><c>Nothing new added.</c>: the association existed already.</summary>
    Existed,

    /// <summary>Refused: the parent account has no association on the cluster.</summary>
    ParentMissing,
}
