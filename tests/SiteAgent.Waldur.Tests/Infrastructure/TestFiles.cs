namespace SiteAgent.Waldur.Tests.Infrastructure;

/// <summary>
/// The schema and fixtures the tests read, copied beside the test assembly from the repository
/// (<c>Fixtures/</c> and the contract project's <c>schema/</c>; see the .csproj), so a clean clone
/// is all the tests need.
/// </summary>
internal static class TestFiles
{
    public static string SchemaPath { get; } = Existing(Path.Combine(AppContext.BaseDirectory, "schema", "openapi-subset.json"));

    public static string Fixture(string relative) => Existing(Path.Combine(AppContext.BaseDirectory, "Fixtures", relative));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing from the test output; rebuild the test project.", path);
}
