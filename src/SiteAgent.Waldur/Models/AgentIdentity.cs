using System.Text.Json;

namespace SiteAgent.Waldur.Models;

/// <summary>The agent's identity registered in Waldur, one per offering (schema <c>AgentIdentity</c>).</summary>
public sealed record AgentIdentity
{
    /// <summary>Identity uuid; <see cref="Guid.Empty"/> in dry-run.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Identity name, <c>agent-&lt;offering uuid&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>API URL.</summary>
    public string? Url { get; init; }

    /// <summary>Offering uuid.</summary>
    public Guid? Offering { get; init; }

    /// <summary>Agent version.</summary>
    public string? Version { get; init; }

    /// <summary>Reported dependencies.</summary>
    public IReadOnlyList<AgentDependency>? Dependencies { get; init; }

    /// <summary>Path of the configuration file.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>When the agent last restarted.</summary>
    public DateTimeOffset? LastRestarted { get; init; }

    /// <summary>Registered services.</summary>
    public IReadOnlyList<NestedAgentService>? Services { get; init; }

    /// <summary>When the identity was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the identity last changed.</summary>
    public DateTimeOffset? Modified { get; init; }
}

/// <summary>A package and version the agent reports (schemas <c>AgentDependency</c> and <c>AgentDependencyRequest</c>).</summary>
/// <param name="Package">Package name.</param>
/// <param name="Version">Package version.</param>
public sealed record AgentDependency(string Package, string Version);

/// <summary>Body of the identity create and update calls (schema <c>AgentIdentityRequest</c>).</summary>
public sealed record AgentIdentityRequest
{
    /// <summary>Offering uuid.</summary>
    public required Guid Offering { get; init; }

    /// <summary>Identity name, <c>agent-&lt;offering uuid&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Agent version.</summary>
    public string? Version { get; init; }

    /// <summary>Dependencies to report.</summary>
    public IReadOnlyList<AgentDependency>? Dependencies { get; init; }

    /// <summary>Path of the configuration file (the reference sends an empty string).</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>Configuration file content (the reference sends an empty string; never secrets).</summary>
    public string? ConfigFileContent { get; init; }

    /// <summary>When the agent last restarted (UTC).</summary>
    public DateTimeOffset? LastRestarted { get; init; }
}

/// <summary>A service of an identity as nested in <see cref="AgentIdentity"/> (schema <c>NestedAgentService</c>).</summary>
public sealed record NestedAgentService
{
    /// <summary>Service uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Service name.</summary>
    public string? Name { get; init; }

    /// <summary>Mode.</summary>
    public string? Mode { get; init; }

    /// <summary>State (<c>Active</c>, <c>Idle</c>, <c>Error</c>).</summary>
    public string? State { get; init; }
}

/// <summary>A registered agent service (schema <c>AgentService</c>).</summary>
public sealed record AgentService
{
    /// <summary>Service uuid; <see cref="Guid.Empty"/> in dry-run.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Service name.</summary>
    public required string Name { get; init; }

    /// <summary>Mode.</summary>
    public string? Mode { get; init; }

    /// <summary>State (<c>Active</c>, <c>Idle</c>, <c>Error</c>).</summary>
    public string? State { get; init; }

    /// <summary>Identity uuid.</summary>
    public Guid? Identity { get; init; }

    /// <summary>Statistics (free-form).</summary>
    public JsonElement? Statistics { get; init; }

    /// <summary>Registered processors.</summary>
    public IReadOnlyList<AgentProcessor>? Processors { get; init; }
}

/// <summary>Body of <c>register_service</c> (schema <c>AgentServiceCreateRequest</c>).</summary>
/// <param name="Name">Service name (the mode name, or a per-event name in event mode).</param>
/// <param name="Mode">Agent mode.</param>
public sealed record AgentServiceCreateRequest(string Name, string? Mode);

/// <summary>A registered processor of a service (schemas <c>AgentProcessor</c> and <c>NestedAgentProcessor</c>).</summary>
public sealed record AgentProcessor
{
    /// <summary>Processor uuid; <see cref="Guid.Empty"/> in dry-run.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>Processor name.</summary>
    public required string Name { get; init; }

    /// <summary>Backend implementation id.</summary>
    public string? BackendType { get; init; }

    /// <summary>Backend version.</summary>
    public string? BackendVersion { get; init; }

    /// <summary>When the processor last ran.</summary>
    public DateTimeOffset? LastRun { get; init; }
}

/// <summary>Body of <c>register_processor</c> (schema <c>AgentProcessorCreateRequest</c>).</summary>
/// <param name="Name">Processor name.</param>
/// <param name="BackendType">Backend implementation id.</param>
/// <param name="BackendVersion">Backend version, if known.</param>
public sealed record AgentProcessorCreateRequest(string Name, string BackendType, string? BackendVersion);

/// <summary>One shipped log line (schema <c>SiteAgentLogCreateRequest</c>).</summary>
public sealed record SiteAgentLogCreateRequest
{
    /// <summary>Identity uuid.</summary>
    public required Guid AgentIdentityUuid { get; init; }

    /// <summary>Epoch seconds with fraction.</summary>
    public required double Timestamp { get; init; }

    /// <summary>Upper-case level name (<c>DEBUG</c> … <c>CRITICAL</c>).</summary>
    public required string Level { get; init; }

    /// <summary>Rendered message text.</summary>
    public required string Message { get; init; }

    /// <summary>Logger name.</summary>
    public required string Module { get; init; }
}

/// <summary>A stored log line (schema <c>SiteAgentLog</c>).</summary>
public sealed record SiteAgentLog
{
    /// <summary>Log uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>Level.</summary>
    public string? Level { get; init; }

    /// <summary>Message.</summary>
    public string? Message { get; init; }

    /// <summary>Logger name.</summary>
    public string? Module { get; init; }

    /// <summary>Epoch seconds.</summary>
    public double? Timestamp { get; init; }
}
