using System.Text.Json;
using BenchmarkDotNet.Running;
using SiteAgent.Benchmarks;

// Usage: dotnet run -c Release --project tests/SiteAgent.Benchmarks -- [--quick] [BenchmarkDotNet options, e.g. --filter '*Waldur*']
var quick = args.Contains("--quick");
if (JsonSerializer.IsReflectionEnabledByDefault)
{
    Console.Error.WriteLine("Reflection-based System.Text.Json is on; the benchmarks must run as the AOT agent does (JsonSerializerIsReflectionEnabledByDefault=false).");
    return 2;
}

Console.WriteLine("System.Text.Json reflection: off; every client call below is (de)serialized by the source-generated WaldurJsonContext.");
var summaries = BenchmarkSwitcher.FromAssembly(typeof(WaldurClientBenchmarks).Assembly)
    .Run(args.Where(a => a != "--quick").ToArray(), BenchmarkConfig.Create(quick));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
