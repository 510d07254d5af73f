using System.Diagnostics;

namespace SiteAgent.Benchmarks;

/// <summary>The Waldur emulator as a child process on 127.0.0.1, seeded with a scenario file.</summary>
/// <remarks>
/// A separate process because BenchmarkDotNet counts the allocations of the whole process: an
/// in-process emulator would add the server's allocations to every call.
/// </remarks>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private EmulatorProcess(Process process, string folder, Uri apiUrl)
    {
        _process = process;
        _folder = folder;
        ApiUrl = apiUrl;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/api/</c>.</summary>
    public Uri ApiUrl { get; }

    /// <summary>Starts the emulator beside this assembly with <paramref name="scenarioJson"/> and waits until it listens.</summary>
    public static EmulatorProcess Start(string scenarioJson, string token)
    {
        var folder = Directory.CreateTempSubdirectory("waldur-bench-").FullName;
        var scenario = Path.Combine(folder, "scenario.json");
        var urlFile = Path.Combine(folder, "url");
        File.WriteAllText(scenario, scenarioJson);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "SiteAgent.Waldur.Emulator.dll"), "--seed", scenario, "--token", token, "--url-file", urlFile, "--quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the emulator process did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[emulator] {line}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!File.Exists(urlFile) || new FileInfo(urlFile).Length == 0)
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"the emulator did not start listening (exit code {(process.HasExited ? process.ExitCode : -1)})");
            }

            Thread.Sleep(50);
        }

        return new EmulatorProcess(process, folder, new Uri(File.ReadAllText(urlFile).Trim()));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
