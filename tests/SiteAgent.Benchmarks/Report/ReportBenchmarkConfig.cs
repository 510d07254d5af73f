using SiteAgent.Benchmarks.Parsers;

namespace SiteAgent.Benchmarks.Report;

/// <summary>The report-cycle benchmark runs like the parser suite, one invocation per iteration (an operation takes a sizeable part of a second).</summary>
internal sealed class ReportBenchmarkConfig() : ParserBenchmarkConfig(oneInvocationPerIteration: true, new LinesPerSecondColumn(ReportCycleBenchmarks.Records, typeof(ReportCycleBenchmarks)));
