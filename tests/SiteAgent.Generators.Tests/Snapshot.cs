using System.Reflection;

namespace SiteAgent.Generators.Tests;

/// <summary>Compares text with a checked-in file under Snapshots/; <c>UPDATE_SNAPSHOTS=1</c> rewrites the file instead.</summary>
internal static class Snapshot
{
    private static readonly string Directory = typeof(Snapshot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "SnapshotDirectory").Value!;

    /// <summary>Fails with the first differing line when <paramref name="actual"/> is not the snapshot's text.</summary>
    public static void Match(string actual, string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        actual = Normalize(actual);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"Snapshot {path} does not exist; run the tests with UPDATE_SNAPSHOTS=1 to create it.\n--- actual ---\n{actual}");
        }

        var expected = Normalize(File.ReadAllText(path));
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail($"Snapshot {path} differs at line {line + 1}:\n" +
            $"- expected: {At(expectedLines, line)}\n" +
            $"+ actual:   {At(actualLines, line)}\n" +
            $"If the change is intended, run the tests with UPDATE_SNAPSHOTS=1 and review the diff.\n--- actual ---\n{actual}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string At(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of text)";
}
