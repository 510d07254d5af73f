using Microsoft.Extensions.Logging.Abstractions;
using SiteAgent.Backends.Commands;
using SiteAgent.Backends.Slurm;

// Usage:
//   hammer <lock file|-> <log file> <iterations> <go file>
//       Waits for <go file>, then <iterations> times: takes the lock (unless "-"), appends "B <pid>",
//       sleeps 2 ms, appends "E <pid>", releases. Overlap in the log means two holders at once.
//   create-accounts <lock file> <cluster> <parent> <prefix> <count> <go file>
//       Waits for <go file>, then creates accounts <prefix>0 … under <parent> through SlurmClient.
return args.FirstOrDefault() switch
{
    "hammer" => await Hammer(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args[4]),
    "create-accounts" => await CreateAccounts(args[1], args[2], args[3], args[4], int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture), args[6]),
    _ => 2,
};

static async Task WaitForGo(string goFile)
{
    while (!File.Exists(goFile))
    {
        await Task.Delay(1);
    }
}

static async Task<int> Hammer(string lockFile, string logFile, int iterations, string goFile)
{
    var writeLock = lockFile == "-" ? null : new SacctmgrWriteLock(lockFile, TimeSpan.FromSeconds(60));
    var pid = Environment.ProcessId;
    await WaitForGo(goFile);
    for (var i = 0; i < iterations; i++)
    {
        using var held = writeLock is null ? null : await writeLock.AcquireAsync(CancellationToken.None);
        Append(logFile, $"B {pid}\n");
        Thread.Sleep(2);
        Append(logFile, $"E {pid}\n");
    }

    return 0;
}

static void Append(string path, string line)
{
    using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    stream.Write(System.Text.Encoding.ASCII.GetBytes(line));
}

static async Task<int> CreateAccounts(string lockFile, string cluster, string parent, string prefix, int count, string goFile)
{
    var client = new SlurmClient(
        new SlurmClientSettings("/usr/bin", cluster, TimeSpan.FromMinutes(2)),
        new ProcessCommandRunner(),
        new SacctmgrWriteLock(lockFile, TimeSpan.FromMinutes(5)),
        NullLogger.Instance);
    await WaitForGo(goFile);
    for (var i = 0; i < count; i++)
    {
        var name = $"{prefix}{i}";
        if (!await client.CreateAccountAsync(name, $"concurrent {name}", parent, parent, CancellationToken.None))
        {
            Console.Error.WriteLine($"{name} already existed");
            return 1;
        }
    }

    return 0;
}
