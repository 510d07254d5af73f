namespace SiteAgent.Backends.Slurm.Tests.Support;

/// <summary>Byte-exact command outputs captured on SLURM 22.05 (see Fixtures/README.md).</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
