using System.Text;
using SiteAgent.Backends.Commands;

namespace SiteAgent.Backends.Slurm;

public sealed partial class SacctmgrWriteLock
{
    /// <summary>The held lock: runs writes that record themselves in the lock file; dispose to release.</summary>
    public sealed class Holder : IDisposable
    {
        private readonly FileStream _file;
        private readonly SacctmgrWriteLock _owner;
        private readonly SemaphoreSlim _queue;
        private int _released;

        internal Holder(FileStream file, SacctmgrWriteLock owner, SemaphoreSlim queue)
        {
            _file = file;
            _owner = owner;
            _queue = queue;
        }

        /// <summary>
        /// Runs a sacctmgr write; its pid stays recorded in the lock file until it has exited, so that the
        /// next holder waits for it if this process dies meanwhile.
        /// </summary>
        /// <remarks>
        /// The record is written the moment the child exists (the runner reports its pid right after the
        /// start), so only the microseconds between fork and that write are uncovered. When the runner
        /// fails (time limit, cancellation) the record stays: the child may still be dying, and the next
        /// holder checks it anyway.
        /// </remarks>
        public async Task<CommandResult> RunAsync(ICommandRunner runner, CommandSpec write, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) != 0, this);
            var result = await runner.RunAsync(
                write with
                {
                    OnStarted = pid =>
                    {
                        Record(pid);
                        write.OnStarted?.Invoke(pid);
                    },
                },
                cancellationToken).ConfigureAwait(false);
            Clear();
            return result;
        }

        /// <summary>The writer recorded in the lock file, or null for none (or an unreadable record, which is logged).</summary>
        internal SacctmgrWriterRecord? ReadRecord()
        {
            var buffer = new byte[4096];
            _file.Position = 0;
            var length = _file.Read(buffer);
            var text = Encoding.UTF8.GetString(buffer, 0, length);
            try
            {
                return SacctmgrWriterRecord.Parse(text);
            }
            catch (FormatException e)
            {
                // Nothing to identify a process by; written by something else, or cut short by a full disk.
                SlurmLog.WriterRecordUnreadable(_owner._logger, _owner.Path, e.Message);
                return null;
            }
        }

        /// <summary>Releases the lock (and this process's queue for the file).</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _file.Dispose();
                _queue.Release();
            }
        }

        private void Record(int pid)
        {
            if (SacctmgrWriterRecord.Capture(pid) is { } writer)
            {
                Write(writer.Format());
            }
        }

        private void Clear() => Write(string.Empty);

        private void Write(string text)
        {
            try
            {
                _file.SetLength(0);
                _file.Position = 0;
                _file.Write(Encoding.UTF8.GetBytes(text));
                _file.Flush();
            }
            catch (IOException e)
            {
                // The write itself is still serialised; only a crash of this process would go unseen.
                SlurmLog.WriterRecordFailed(_owner._logger, _owner.Path, e.Message);
            }
        }
    }
}
