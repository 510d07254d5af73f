using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SiteAgent.Benchmarks;
using SiteAgent.Benchmarks.Orders;

// Usage: dotnet run -c Release --project tests/SiteAgent.Benchmarks -- [--quick] [BenchmarkDotNet options, e.g. --filter '*Waldur*']
//        dotnet run -c Release --project tests/SiteAgent.Benchmarks -- orders [--count N] [--binary PATH]
//        dotnet run -c Release --project tests/SiteAgent.Benchmarks -- membership [--resources N] [--users N]
//        dotnet run -c Release --project tests/SiteAgent.Benchmarks -- report-sacct [--accounts N]
//        dotnet run -c Release --project tests/SiteAgent.Benchmarks -- events [--count N] [--binary PATH]
//        dotnet run -c Release --project tests/SiteAgent.Benchmarks -- healthz [--runs N]   (needs WALDUR_SITE_AGENT_BIN)
if (args is ["orders", .. var orderArgs])
{
    return await OrderBenchCommand.RunAsync(orderArgs);
}

if (args is ["membership", .. var membershipArgs])
{
    return await SiteAgent.Benchmarks.Membership.MembershipBenchCommand.RunAsync(membershipArgs);
}

if (args is ["events", .. var eventArgs] && OperatingSystem.IsLinux())
{
    return await SiteAgent.Benchmarks.Events.EventBenchCommand.RunAsync(eventArgs);
}

if (args is ["report-sacct", .. var sacctArgs])
{
    return await SiteAgent.Benchmarks.Report.SacctBatchingCommand.RunAsync(sacctArgs);
}

if (args is ["healthz", .. var healthzArgs])
{
    return await SiteAgent.Benchmarks.Healthz.HealthzBenchCommand.RunAsync(healthzArgs);
}

if (JsonSerializer.IsReflectionEnabledByDefault)
{
    Console.Error.WriteLine("Reflection-based System.Text.Json is on; the benchmarks must run as the AOT agent does (JsonSerializerIsReflectionEnabledByDefault=false).");
    return 2;
}

Console.WriteLine("System.Text.Json reflection: off; every client call below is (de)serialized by the source-generated WaldurJsonContext.");
// Each suite brings its own job and columns through [Config] (WaldurBenchmarkConfig, ParserBenchmarkConfig);
// the global config only carries the command-line options (filters, exporters).
var summaries = BenchmarkSwitcher.FromAssembly(typeof(WaldurClientBenchmarks).Assembly)
    .Run(args.Where(a => a != "--quick").ToArray(), DefaultConfig.Instance);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
