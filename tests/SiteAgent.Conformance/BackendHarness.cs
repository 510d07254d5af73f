using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Model;
using SiteAgent.Backends.Registry;
using SiteAgent.Backends.Settings;

namespace SiteAgent.Conformance;

/// <summary>
/// What the suite needs to run one backend: its <c>backend_settings</c>, the environment it works in, a
/// record of every side effect (commands run, store operations), and removal of what the tests made.
/// A backend that needs only settings uses this class as it is; one with an environment derives from it.
/// </summary>
public class BackendHarness : IAsyncDisposable
{
    private readonly RecordingRunner _commands;

    /// <summary>A harness with the given <c>backend_settings</c> (scalars) besides the prefixes, running commands for real.</summary>
    public BackendHarness(IReadOnlyDictionary<string, string>? settings = null)
    {
        Prefix = "cf" + Guid.NewGuid().ToString("N")[..6] + "_";
        Settings = settings ?? new Dictionary<string, string>();
        _commands = new RecordingRunner(new ProcessCommandRunner());
    }

    /// <summary>Prefix of every id this harness's tests make (<c>customer_prefix</c>, <c>project_prefix</c>, <c>allocation_prefix</c>).</summary>
    public string Prefix { get; }

    /// <summary>Backend-specific <c>backend_settings</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Every side effect so far, in order: by default the commands run; a backend without commands names its own.</summary>
    public virtual IReadOnlyList<string> SideEffects => _commands.Commands;

    /// <summary>Components of the suite's offering: a limit component and a usage component, the first with a unit factor.</summary>
    public static IReadOnlyList<ComponentDefinition> Components { get; } =
    [
        new() { Type = "cpu", MeasuredUnit = "CPU-Hours", Label = "CPU", AccountingType = AccountingType.Limit, UnitFactor = 60 },
        new() { Type = "mem", MeasuredUnit = "GB-Hours", Label = "RAM", AccountingType = AccountingType.Usage, UnitFactor = 1024 },
    ];

    /// <summary>Skips the test when the backend's environment is absent here (and not required); the default needs none.</summary>
    public virtual void RequireEnvironment()
    {
    }

    /// <summary>A username for the tests; removed with the rest.</summary>
    public string User(string name) => Prefix + name;

    /// <summary>A resource of the suite, in project <c>proj-1</c> of customer <c>org-a</c>.</summary>
    public ResourceRequest Resource(string slug, string project = "proj-1") => new()
    {
        Uuid = Guid.NewGuid(),
        Name = $"Allocation {slug}",
        Slug = slug,
        ProjectUuid = Guid.NewGuid(),
        ProjectSlug = project,
        ProjectName = $"Project {project}",
        CustomerSlug = "org-a",
        CustomerName = "Customer org-a",
        Limits = new Dictionary<string, decimal> { ["cpu"] = 10 },
    };

    /// <summary>The backend id the core would generate for a slug: lower(allocation_prefix + slug).</summary>
    public string Candidate(string slug) => (Prefix + slug).ToLowerInvariant();

    /// <summary>
    /// Builds the backend as the agent does: its settings read from <c>backend_settings</c> by the registry's
    /// reader, then the registry's factory.
    /// </summary>
    public object Create(BackendDescriptor descriptor)
    {
        var entries = Settings.Concat(new Dictionary<string, string>
            {
                ["customer_prefix"] = Prefix, ["project_prefix"] = Prefix, ["allocation_prefix"] = Prefix, ["enable_user_homedir_account_creation"] = "false",
            })
            .Select(p => new ConfigEntry(p.Key, default, new ConfigScalar($"backend_settings.{p.Key}", default, p.Value, isQuoted: true)))
            .ToList();
        var problems = new ConfigProblems();
        var reader = new SettingsReader(new ConfigMapping("backend_settings", default, entries), problems);
        var common = CommonBackendSettings.Read(reader);
        var settings = descriptor.ReadSettings(reader);
        if (problems.HasErrors)
        {
            Assert.Fail($"backend_settings of {descriptor.Id} rejected: {string.Join("; ", problems.Items)}");
        }

        return descriptor.Create(settings, new BackendContext
        {
            OfferingName = "conformance",
            OfferingUuid = Guid.NewGuid(),
            Components = Components,
            Common = common,
            Commands = _commands,
            LoggerFactory = NullLoggerFactory.Instance,
            TimeZone = TimeZoneInfo.Local,
        });
    }

    /// <summary>Removes what the tests made; the default has nothing to remove.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Records every command before running it.</summary>
    private sealed class RecordingRunner(ICommandRunner inner) : ICommandRunner
    {
        private readonly List<string> _commands = [];

        public IReadOnlyList<string> Commands
        {
            get
            {
                lock (_commands)
                {
                    return _commands.ToList();
                }
            }
        }

        public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
        {
            lock (_commands)
            {
                _commands.Add(command.Program + " " + string.Join(' ', command.Arguments));
            }

            return inner.RunAsync(command, cancellationToken);
        }
    }
}
