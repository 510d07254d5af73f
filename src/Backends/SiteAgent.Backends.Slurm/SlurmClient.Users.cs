using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

/// <summary>How a user association is created.</summary>
/// <param name="DefaultAccount"><c>DefaultAccount=</c>; null omits it. Note: it also adds the user to that account.</param>
/// <param name="Partitions">Partitions; one partition uses <c>Partition=</c> without <c>Share=parent</c>, several <c>Partitions=</c> sorted.</param>
/// <param name="Qos">QoS grant (<c>QosLevel=</c>, order kept); empty for none.</param>
/// <param name="DefaultQos"><c>DefaultQOS=</c> with a grant; null for none.</param>
public sealed record UserAssociationSpec(
    string? DefaultAccount,
    IReadOnlyList<string> Partitions,
    IReadOnlyList<string> Qos,
    string? DefaultQos)
{
    /// <summary>A plain association with the given default account.</summary>
    public static UserAssociationSpec Plain(string? defaultAccount) => new(defaultAccount, [], [], null);
}

/// <summary>User associations: reads, adds, removals and per-user limits.</summary>
public sealed partial class SlurmClient
{
    /// <summary>Whether <paramref name="user"/> has an association on <paramref name="account"/> on this cluster.</summary>
    public async Task<bool> UserAssociationExistsAsync(string user, string account, CancellationToken cancellationToken)
    {
        SlurmNames.Username(user);
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            Sacctmgr(CommandEffect.Read, ["show", "association", "where", $"user={user}", $"account={account}", .. Cluster]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseUserAssociationExists(text, user, account);
    }

    /// <summary>Whether any user association exists on the account.</summary>
    public async Task<bool> AccountHasUsersAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(Sacctmgr(CommandEffect.Read, ["show", "association", "where", $"account={account}", .. Cluster]), cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseHasUsers(text);
    }

    /// <summary>Users of the account, each once (partition rows de-duplicated), account compared ignoring case.</summary>
    public async Task<IReadOnlyList<string>> ListAccountUsersAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var text = await ReadAsync(
            Sacctmgr(CommandEffect.Read, ["list", "associations", "format=account,user", "where", $"account={account}", .. Cluster]),
            cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseAccountUsers(text, account);
    }

    /// <summary>Default accounts of the given users (<c>show user u1,u2 format=User,DefaultAccount</c>).</summary>
    public async Task<IReadOnlyList<SlurmUserDefault>> GetUserDefaultsAsync(IReadOnlyList<string> users, CancellationToken cancellationToken)
    {
        foreach (var user in users)
        {
            SlurmNames.Username(user);
        }

        var text = await ReadAsync(Sacctmgr(CommandEffect.Read, "show", "user", string.Join(',', users), "format=User,DefaultAccount"), cancellationToken).ConfigureAwait(false);
        return SlurmParser.ParseUserDefaults(text);
    }

    /// <summary>
    /// Adds <paramref name="user"/> to <paramref name="account"/>. Returns false when the association
    /// already existed (<c>Nothing new added.</c>).
    /// </summary>
    public Task<bool> AddUserAsync(string user, string account, UserAssociationSpec spec, CancellationToken cancellationToken) =>
        AddUsersAsync([user], account, spec, cancellationToken);

    /// <summary>
    /// Adds several users to one account in one command (<c>add user u1,u2 account=A …</c>). Returns
    /// false when every association already existed (<c>Nothing new added.</c>); sacctmgr adds the missing
    /// ones and leaves the others alone.
    /// </summary>
    public async Task<bool> AddUsersAsync(IReadOnlyList<string> users, string account, UserAssociationSpec spec, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            throw new ArgumentException("At least one user is needed", nameof(users));
        }

        foreach (var user in users)
        {
            SlurmNames.Username(user);
        }

        SlurmNames.Account(account, "account");
        var arguments = new List<string> { "add", "user", string.Join(',', users), $"account={account}" };
        if (spec.DefaultAccount is { } defaultAccount)
        {
            arguments.Add($"DefaultAccount={SlurmNames.Account(defaultAccount, "default account")}");
        }

        var partitions = spec.Partitions.Select(SlurmNames.Partition).Order(StringComparer.Ordinal).ToArray();
        var qos = spec.Qos.Select(SlurmNames.Qos).ToArray();
        if (qos.Length > 0)
        {
            if (partitions.Length > 0)
            {
                arguments.Add($"Partitions={string.Join(',', partitions)}");
            }

            arguments.Add($"QosLevel={string.Join(',', qos)}");
            if (spec.DefaultQos is { } defaultQos)
            {
                arguments.Add($"DefaultQOS={SlurmNames.Qos(defaultQos)}");
            }

            arguments.Add("Share=parent");
        }
        else if (partitions.Length == 1)
        {
            // The reference's single-partition form has no Share=parent (the REST client agrees).
            arguments.Add($"Partition={partitions[0]}");
        }
        else if (partitions.Length > 1)
        {
            arguments.Add($"Partitions={string.Join(',', partitions)}");
            arguments.Add("Share=parent");
        }
        else
        {
            arguments.Add("Share=parent");
        }

        arguments.AddRange(Cluster);
        var command = Sacctmgr(CommandEffect.Write, [.. arguments]);
        var (outcome, output) = await WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            SacctmgrOutcome.Success => true,
            SacctmgrOutcome.NothingAdded => false,
            _ => throw Failure(command, output),
        };
    }

    /// <summary>Removes one user association. Returns false when it was absent (<c>Nothing deleted</c>).</summary>
    /// <remarks>The bare <c>and</c> is what the reference sends; sacctmgr reads it as one more user name, which is why "and" is refused as a username.</remarks>
    public async Task<bool> RemoveUserAsync(string user, string account, CancellationToken cancellationToken)
    {
        SlurmNames.Username(user);
        SlurmNames.Account(account, "account");
        var command = Sacctmgr(CommandEffect.Write, ["remove", "user", "where", $"name={user}", "and", $"account={account}", .. Cluster]);
        return await RemoveAsync(command, $"user {user} from SLURM account {account}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes every user association of the account. Returns false when there were none.</summary>
    public async Task<bool> RemoveAllUsersAsync(string account, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        var command = Sacctmgr(CommandEffect.Write, ["remove", "user", "where", $"account={account}", .. Cluster]);
        return await RemoveAsync(command, $"the users of SLURM account {account}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Per-user MaxTRESMins. Every TRES of <paramref name="allTres"/> is written, in that order, with
    /// the given value or -1 (clears).
    /// </summary>
    public async Task SetUserMaxTresMinsAsync(string user, string account, IReadOnlyList<string> allTres, IReadOnlyDictionary<string, long> limits, CancellationToken cancellationToken)
    {
        SlurmNames.Username(user);
        SlurmNames.Account(account, "account");
        var values = string.Join(',', allTres.Select(t => $"{SlurmNames.Tres(t)}={(limits.TryGetValue(t, out var v) ? v : -1)}"));
        var command = Sacctmgr(CommandEffect.Write, ["modify", "user", user, "where", $"account={account}", .. Cluster, "set", $"MaxTRESMins={values}"]);
        var (outcome, output) = await WriteAsync(command, cancellationToken).ConfigureAwait(false);
        if (outcome == SacctmgrOutcome.NothingModified && await UserAssociationExistsAsync(user, account, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (outcome == SacctmgrOutcome.NothingModified)
        {
            throw new BackendException($"SLURM user {user} has no association on account {account} on cluster {ClusterLabel}");
        }

        if (outcome != SacctmgrOutcome.Success)
        {
            throw Failure(command, output);
        }
    }

    private async Task<bool> RemoveAsync(CommandSpec command, string what, CancellationToken cancellationToken)
    {
        var (outcome, output) = await WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            SacctmgrOutcome.Success => true,
            SacctmgrOutcome.NothingDeleted => false,
            SacctmgrOutcome.JobsActive => throw new BackendException($"Cannot remove {what}: jobs are still active ({Flatten(output)})"),
            _ => throw Failure(command, output),
        };
    }
}
