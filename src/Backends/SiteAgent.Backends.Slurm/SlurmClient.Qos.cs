using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

/// <summary>Per-allocation QoS settings (<c>qos_management</c>), in SLURM syntax.</summary>
public sealed record QosSpec(string Flags, string? GrpTres, long? MaxJobs, long? MaxSubmit, string? MaxWall, string? MinTresPerJob);

/// <summary>QoS objects and account QoS lists.</summary>
public sealed partial class SlurmClient
{
    /// <summary>Whether the QoS exists (QoS are global: never scoped).</summary>
    public async Task<bool> QosExistsAsync(string qos, CancellationToken cancellationToken)
    {
        SlurmNames.Qos(qos);
        return SlurmParser.ParseQosExists(await ReadAsync(Sacctmgr(CommandEffect.Read, "show", "qos", qos), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Creates a QoS with flags, then one modify per configured limit.</summary>
    public async Task CreateQosAsync(string qos, QosSpec spec, CancellationToken cancellationToken)
    {
        SlurmNames.Qos(qos);
        string[] flags = string.IsNullOrEmpty(spec.Flags) ? [] : ["set", $"flags={Setting(spec.Flags)}"];
        await WriteOrThrowAsync(Sacctmgr(CommandEffect.Write, ["add", "qos", qos, .. flags]), cancellationToken).ConfigureAwait(false);
        (string Key, string? Value)[] limits =
        [
            ("GrpTRES", spec.GrpTres), ("MaxJobs", spec.MaxJobs?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MaxSubmit", spec.MaxSubmit?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("MaxWall", spec.MaxWall),
            ("MinTRESPerJob", spec.MinTresPerJob),
        ];
        foreach (var (key, value) in limits)
        {
            if (value is not null)
            {
                await WriteOrThrowAsync(Sacctmgr(CommandEffect.Write, "modify", "qos", qos, "set", $"{key}={Setting(value)}"), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Removes a QoS. Returns false when it was absent. Refused while it is some association's DefaultQOS.</summary>
    public async Task<bool> RemoveQosAsync(string qos, CancellationToken cancellationToken)
    {
        SlurmNames.Qos(qos);
        return await RemoveAsync(Sacctmgr(CommandEffect.Write, "remove", "qos", "where", $"name={qos}"), $"QoS {qos}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the account-level QoS list, and sets the default QoS in the same command when given.
    /// A refusal that SLURM reports with exit 0 (associations would lose their default QoS) throws.
    /// </summary>
    public Task SetAccountQosAsync(string account, IReadOnlyList<string> qos, string? defaultQos, CancellationToken cancellationToken)
    {
        string[] defaultToken = defaultQos is null ? [] : [$"defaultqos={SlurmNames.Qos(defaultQos)}"];
        return ModifyAccountAsync(account, ["set", $"qos={string.Join(',', qos.Select(SlurmNames.Qos))}", .. defaultToken], cancellationToken);
    }

    /// <summary>Appends a QoS to the account and every user association of it.</summary>
    public Task AppendAccountQosAsync(string account, string qos, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        return ModifyAsync(account, Sacctmgr(CommandEffect.Write, ["modify", "account", .. Cluster, "set", $"qos+={SlurmNames.Qos(qos)}", "where", $"account={account}"]), cancellationToken);
    }

    /// <summary>Sets the default QoS of the account and every user association of it.</summary>
    public Task SetAccountDefaultQosAsync(string account, string qos, CancellationToken cancellationToken)
    {
        SlurmNames.Account(account, "account");
        return ModifyAsync(account, Sacctmgr(CommandEffect.Write, ["modify", "account", .. Cluster, "set", $"defaultqos={SlurmNames.Qos(qos)}", "where", $"account={account}"]), cancellationToken);
    }

    // QoS settings come from the agent's own config, never from Waldur; still one token each.
    private static string Setting(string value) =>
        value.Length > 0 && value[0] != '-' && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'')
            ? value
            : throw new UnsafeValueException($"Refusing QoS setting {SlurmNames.Quote(value)}: it must be one word without quotes");
}
