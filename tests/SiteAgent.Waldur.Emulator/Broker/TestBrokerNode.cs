using System.Diagnostics;
using System.Reflection;

namespace SiteAgent.Waldur.Emulator.Broker;

/// <summary>The RabbitMQ node of tests/infra/rabbitmq, driven through its ctl.sh (test tooling).</summary>
public static class TestBrokerNode
{
    /// <summary>Runs tests/infra/rabbitmq/ctl.sh (rabbitmqctl for the test node), e.g. <c>stop_app</c>; fails on a non-zero exit.</summary>
    public static async Task CtlAsync(params string[] arguments)
    {
        var root = typeof(TestBrokerNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepositoryRoot").Value!;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "tests", "infra", "rabbitmq", "ctl.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ctl.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }
}
