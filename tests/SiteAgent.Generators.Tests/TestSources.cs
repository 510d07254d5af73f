namespace SiteAgent.Generators.Tests;

/// <summary>Backend sources the tests compile.</summary>
internal static class TestSources
{
    /// <summary>A backend with a settings type, two constructors and a capability inherited through another interface.</summary>
    public const string Slurm = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using SiteAgent.Backends;
        using SiteAgent.Backends.Capabilities;
        using SiteAgent.Backends.Settings;

        namespace Sites.Slurm;

        public sealed record SlurmSettings(string Cluster) : IBackendSettings<SlurmSettings>
        {
            public static SlurmSettings Read(SettingsReader reader) => new(reader.String("cluster", "main"));
        }

        public interface ISlurmLimits : ILimitReadingBackend
        {
        }

        [Backend("slurm", DisplayName = "SLURM", Version = "23.11.0", Description = "Accounts and \"limits\" in SLURM.", Settings = typeof(SlurmSettings))]
        public sealed class SlurmBackend : IHomeDirectoryBackend, ISlurmLimits
        {
            public SlurmBackend(SlurmSettings settings)
                : this(settings, null)
            {
            }

            public SlurmBackend(SlurmSettings settings, BackendContext? context)
            {
                Settings = settings;
                Context = context;
            }

            public SlurmSettings Settings { get; }

            public BackendContext? Context { get; }

            public Task CreateHomeDirectoriesAsync(IReadOnlyCollection<string> usernames, string umask, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public Task<IReadOnlyDictionary<string, decimal>> GetResourceLimitsAsync(string backendId, CancellationToken cancellationToken) =>
                Task.FromResult<IReadOnlyDictionary<string, decimal>>(new Dictionary<string, decimal>());
        }
        """;

    /// <summary>A backend without settings, with only the implicit constructor.</summary>
    public const string Base = """
        using System.Threading;
        using System.Threading.Tasks;
        using SiteAgent.Backends;
        using SiteAgent.Backends.Capabilities;

        namespace Sites.Basic;

        [Backend("base")]
        public sealed class BaseBackend : IDiagnosticsBackend
        {
            public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);

            public Task<bool> RunDiagnosticsAsync(CancellationToken cancellationToken) => Task.FromResult(true);
        }
        """;

    /// <summary>A capability of its own, so that diagnostic tests stay short.</summary>
    public const string ProbePrelude = """
        using SiteAgent.Backends;
        using SiteAgent.Backends.Settings;

        namespace Sites.Probes;

        [BackendCapability("probe")]
        public interface IProbe
        {
        }

        """;
}
