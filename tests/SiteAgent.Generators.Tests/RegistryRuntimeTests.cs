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
    [Test]
    public async Task Registry_LoadedAssembly_ReadsSettingsAndCreatesBackend()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile("Host", [TestSources.Slurm, TestSources.Base]), TestOptionsProvider.Host());
        var context = new AssemblyLoadContext("registry-under-test", isCollectible: true);
        try
        {
            var registry = (await Load(context, run.Output)).GetType("SiteAgent.Generated.BackendRegistry", throwOnError: true)!;
            var all = (IReadOnlyList<BackendDescriptor>)registry.GetProperty("All")!.GetValue(null)!;
            var slurm = (BackendDescriptor)registry.GetMethod("Find")!.Invoke(null, ["slurm"])!;

            await Assert.That(all.Select(descriptor => descriptor.Id)).IsEquivalentTo(["base", "slurm"], CollectionOrdering.Matching);
            await Assert.That(slurm).IsSameReferenceAs(all[1]);
            await Assert.That((slurm.DisplayName, slurm.Version, slurm.Description)).IsEqualTo(("SLURM", "23.11.0", "Accounts and \"limits\" in SLURM."));
            await Assert.That(slurm.TypeName).IsEqualTo("Sites.Slurm.SlurmBackend");
            await Assert.That(slurm.Capabilities).IsEquivalentTo([BackendCapabilities.LimitReading, BackendCapabilities.UserHomeDirectories], CollectionOrdering.Matching);

            var problems = new ConfigProblems();
            var settings = slurm.ReadSettings(Reader(problems, "cluster", "north"));
            var backendContext = new BackendContext { OfferingName = "hpc", OfferingUuid = Guid.NewGuid() };
            var backend = slurm.Create(settings, backendContext);

            await Assert.That(problems.Items).IsEmpty();
            await Assert.That(backend.GetType().FullName).IsEqualTo("Sites.Slurm.SlurmBackend");
            await Assert.That(backend).IsAssignableTo<ILimitReadingBackend>();
            await Assert.That(backend).IsAssignableTo<IHomeDirectoryBackend>();
            await Assert.That(backend.GetType().GetProperty("Settings")!.GetValue(backend)).IsSameReferenceAs(settings);
            await Assert.That(backend.GetType().GetProperty("Context")!.GetValue(backend)).IsSameReferenceAs(backendContext);
            await Assert.That(settings.ToString()).Contains("north");

            var basic = all[0];
            await Assert.That((basic.DisplayName, basic.Version)).IsEqualTo(("Base", "0.0.0"));
            await Assert.That(basic.ReadSettings(Reader(problems))).IsSameReferenceAs(NoSettings.Instance);
            await Assert.That(basic.Create(NoSettings.Instance, backendContext)).IsAssignableTo<IDiagnosticsBackend>();
        }
        finally
        {
            context.Unload();
        }
    }

    private static async Task<Assembly> Load(AssemblyLoadContext context, Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, cancellationToken: TestContext.Current!.Execution.CancellationToken);
        await Assert.That(result.Success).IsTrue().Because(string.Join("\n", result.Diagnostics));
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
