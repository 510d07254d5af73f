using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using SiteAgent.Backends;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Registry;
using SiteAgent.Backends.Settings;

namespace SiteAgent.Generators.Tests;

/// <summary>The emitted registry, compiled and loaded, reads settings and creates backends.</summary>
public sealed class RegistryRuntimeTests
{
    [Fact]
    public void Registry_LoadedAssembly_ReadsSettingsAndCreatesBackend()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Host());
        var context = new AssemblyLoadContext("registry-under-test", isCollectible: true);
        try
        {
            var registry = Load(context, run.Output).GetType("SiteAgent.Generated.BackendRegistry", throwOnError: true)!;
            var all = (IReadOnlyList<BackendDescriptor>)registry.GetProperty("All")!.GetValue(null)!;
            var slurm = (BackendDescriptor)registry.GetMethod("Find")!.Invoke(null, ["slurm"])!;

            Assert.Equal(["base", "slurm"], all.Select(descriptor => descriptor.Id));
            Assert.Same(all[1], slurm);
            Assert.Equal(("SLURM", "23.11.0", "Accounts and \"limits\" in SLURM."), (slurm.DisplayName, slurm.Version, slurm.Description));
            Assert.Equal("Sites.Slurm.SlurmBackend", slurm.TypeName);
            Assert.Equal([BackendCapabilities.LimitReading, BackendCapabilities.UserHomeDirectories], slurm.Capabilities);

            var problems = new ConfigProblems();
            var settings = slurm.ReadSettings(Reader(problems, "cluster", "north"));
            var backendContext = new BackendContext { OfferingName = "hpc", OfferingUuid = Guid.NewGuid() };
            var backend = slurm.Create(settings, backendContext);

            Assert.Empty(problems.Items);
            Assert.Equal("Sites.Slurm.SlurmBackend", backend.GetType().FullName);
            Assert.IsAssignableFrom<ILimitReadingBackend>(backend);
            Assert.IsAssignableFrom<IHomeDirectoryBackend>(backend);
            Assert.Same(settings, backend.GetType().GetProperty("Settings")!.GetValue(backend));
            Assert.Same(backendContext, backend.GetType().GetProperty("Context")!.GetValue(backend));
            Assert.Contains("north", settings.ToString(), StringComparison.Ordinal);

            var basic = all[0];
            Assert.Equal(("Base", "0.0.0"), (basic.DisplayName, basic.Version));
            Assert.Same(NoSettings.Instance, basic.ReadSettings(Reader(problems)));
            Assert.IsAssignableFrom<IDiagnosticsBackend>(basic.Create(NoSettings.Instance, backendContext));
        }
        finally
        {
            context.Unload();
        }
    }

    private static Assembly Load(AssemblyLoadContext context, Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        return context.LoadFromStream(stream);
    }

    private static SettingsReader Reader(ConfigProblems problems, params string[] keysAndValues)
    {
        var at = new SourceLocation(1, 1);
        var entries = keysAndValues
            .Chunk(2)
            .Select(pair => new ConfigEntry(pair[0], at, new ConfigScalar($"backend_settings.{pair[0]}", at, pair[1], isQuoted: false)))
            .ToList();
        return new SettingsReader(new ConfigMapping("backend_settings", at, entries), problems);
    }
}
