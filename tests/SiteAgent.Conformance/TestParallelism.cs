// The SLURM rows run sacctmgr on a 2-core machine: at most one test per core at a time.
[assembly: ParallelLimiter<TUnit.Core.Helpers.ProcessorCountParallelLimit>]
