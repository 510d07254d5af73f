using System.Diagnostics;

namespace SiteAgent.Backends.Slurm.Tests.Support;

/// <summary>Starts the LockHelper console program (built next to the tests) as a separate OS process.</summary>
internal static class Helper
{
    public static Process Start(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SiteAgent.Backends.Slurm.LockHelper.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    public static async Task FinishAsync(Process process)
    {
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            await Assert.That(process.ExitCode == 0).IsTrue().Because($"helper exited with {process.ExitCode}: {await stderr}");
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition, int seconds = 10)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            await Assert.That(stopwatch.Elapsed < TimeSpan.FromSeconds(seconds)).IsTrue().Because("condition not met in time");
            await Task.Delay(20);
        }
    }
}

/// <summary>A scratch directory removed on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"slurm-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
