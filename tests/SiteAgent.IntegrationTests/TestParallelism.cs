// Tests here start real processes (sacctmgr, sbatch, the agent binary, dotnet build) on a 2-core machine:
// at most one test per core runs at once, as xUnit did before. Classes that must not overlap at all
// carry [NotInParallel] with a shared key.
[assembly: ParallelLimiter<TUnit.Core.Helpers.ProcessorCountParallelLimit>]
