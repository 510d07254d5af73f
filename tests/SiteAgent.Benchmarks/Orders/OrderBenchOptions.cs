using System.Globalization;
using SiteAgent.Testing;

namespace SiteAgent.Benchmarks.Orders;

/// <summary>Options of the <c>orders</c> bench command.</summary>
/// <param name="Count">Create orders to seed and process.</param>
/// <param name="Binary">The Native AOT agent binary.</param>
/// <param name="MarkdownPath">Where the result table is written.</param>
/// <param name="CommandLine">The command's arguments as given, for the report.</param>
internal sealed record OrderBenchOptions(int Count, string Binary, string MarkdownPath, string CommandLine)
{
    public const string Usage = "usage: orders [--count N (default 200)] [--binary PATH (default $WALDUR_SITE_AGENT_BIN or artifacts/aot/waldur-site-agent)]";

    /// <summary>Reads the command line; null with <paramref name="error"/> set when it is wrong.</summary>
    public static OrderBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var count = 200;
        string? binary = null;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0:
                    count = parsed;
                    i++;
                    break;
                case "--binary" when value is { Length: > 0 }:
                    binary = value;
                    i++;
                    break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'\n{Usage}";
                    return null;
            }
        }

        binary ??= Environment.GetEnvironmentVariable(AgentBinary.EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : RepositoryPaths.Combine("artifacts", "aot", "waldur-site-agent");
        if (!File.Exists(binary))
        {
            error = $"the agent binary {binary} does not exist: build one with packaging/build-binary.sh --out DIR and pass --binary DIR/waldur-site-agent";
            return null;
        }

        return new OrderBenchOptions(count, Path.GetFullPath(binary), RepositoryPaths.Combine("artifacts", "bench", "orders.md"), string.Join(' ', ["orders", .. args]));
    }
}
