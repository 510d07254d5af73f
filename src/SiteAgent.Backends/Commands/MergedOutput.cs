using System.Buffers;
using System.Text;

namespace SiteAgent.Backends.Commands;

/// <summary>Collects a child's stdout and stderr into one text, in the order the chunks arrive, up to a byte cap.</summary>
/// <remarks>
/// Two pipes cannot give the exact write order of a program that writes to both; chunk arrival order is
/// the best a reader can do, and it keeps each line whole for programs that write whole lines
/// (sacctmgr does). Each stream has its own UTF-8 decoder so a character split across two reads of
/// one stream is not broken by a chunk of the other stream in between.
/// </remarks>
internal sealed class MergedOutput(int capBytes)
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private long _bytes;

    /// <summary>Raised once, from a reader thread, when the cap is reached.</summary>
    public event Action? CapReached;

    /// <summary>True when output beyond the cap was dropped.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The merged text so far.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Reads the stream to its end, appending what fits.</summary>
    public async Task PumpAsync(Stream stream)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var chars = ArrayPool<char>.Shared.Rent(16 * 1024 + 4);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes.AsMemory(0, 16 * 1024)).ConfigureAwait(false)) > 0)
            {
                Append(decoder, bytes, read, chars, flush: false);
            }

            Append(decoder, bytes, 0, chars, flush: true);
        }
        catch (IOException)
        {
            // The pipe broke because the process was killed; what was read stays.
        }
        catch (ObjectDisposedException)
        {
            // The process object was disposed after a kill.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void Append(Decoder decoder, byte[] bytes, int count, char[] chars, bool flush)
    {
        Action? signal = null;
        lock (_gate)
        {
            if (Truncated)
            {
                return;
            }

            var room = capBytes - _bytes;
            var take = (int)Math.Min(count, room);
            if (take > 0 || flush)
            {
                var length = decoder.GetChars(bytes, 0, take, chars, 0, flush);
                _text.Append(chars, 0, length);
                _bytes += take;
            }

            if (take < count)
            {
                // Reached once: every later append returns early above.
                Truncated = true;
                signal = CapReached;
            }
        }

        signal?.Invoke();
    }
}
