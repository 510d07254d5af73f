using System.Diagnostics.CodeAnalysis;

namespace SiteAgent.Stomp.Frames;

/// <summary>
/// Incremental STOMP 1.2 frame parser over a byte stream. Pure code: no I/O, no clock.
/// </summary>
/// <remarks>
/// The transport's reads need not line up with frames: over WebSocket one message may hold part of a
/// frame or several frames, over TCP any split is possible. The caller writes received bytes with
/// <see cref="GetWriteBuffer"/>/<see cref="Advance"/> (or <see cref="Append"/>) and then calls
/// <see cref="TryReadFrame"/> until it returns false. EOLs between frames are heart-beats and are
/// skipped. Whatever the input, the parser either returns frames, asks for more bytes, or throws
/// <see cref="StompProtocolException"/>; between calls it holds at most one partial frame, which the
/// limits bound.
/// </remarks>
public sealed partial class StompFrameParser
{
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';
    private const byte Nul = 0;
    private const int MinimumBuffer = 4096;

    private readonly StompFrameLimits _limits;
    private byte[] _buffer;
    private int _start;
    private int _end;

    // Where the NUL search of a frame without content-length resumes, relative to the frame start,
    // so that a large body arriving in many small pieces is scanned once, not once per piece.
    private int _nulSearchFrom;

    // Reused across frames: header lines collect here before they become the frame's own array.
    private readonly List<KeyValuePair<string, string>> _headerScratch = new(16);
    private readonly (byte[]? Raw, string? Value, bool Unescaped)[] _lastValues = new (byte[]?, string?, bool)[StompHeaderNames.KnownCount];

    /// <summary>Creates a parser enforcing <paramref name="limits"/>.</summary>
    public StompFrameParser(StompFrameLimits? limits = null)
    {
        _limits = limits ?? StompFrameLimits.Default;
        _limits.Validate();
        _buffer = new byte[MinimumBuffer];
    }

    /// <summary>Bytes received but not yet returned as frames or skipped as heart-beats.</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>Heart-beat EOLs skipped so far.</summary>
    public long HeartBeatsSeen { get; private set; }

    /// <summary>Free space at the end of the buffer, at least <paramref name="sizeHint"/> bytes, to receive into.</summary>
    public Memory<byte> GetWriteBuffer(int sizeHint = MinimumBuffer)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _end >= sizeHint) return _buffer.AsMemory(_end);
        var pending = _end - _start;
        // A caller that keeps writing without reading frames would grow the buffer for ever; the
        // largest legal content is one frame plus the read in progress.
        if (pending > _limits.MaxFrameBytes + _limits.MaxHeaderBytes) throw TooLarge(pending);
        var needed = pending + sizeHint;
        var target = needed <= _buffer.Length ? _buffer : new byte[Math.Max(needed, Math.Min(_buffer.Length * 2, _limits.MaxFrameBytes + sizeHint))];
        Buffer.BlockCopy(_buffer, _start, target, 0, pending);
        _buffer = target;
        _start = 0;
        _end = pending;
        return _buffer.AsMemory(_end);
    }

    /// <summary>Marks <paramref name="count"/> bytes written into the span from <see cref="GetWriteBuffer"/> as received.</summary>
    public void Advance(int count)
    {
        if (count < 0 || count > _buffer.Length - _end) throw new ArgumentOutOfRangeException(nameof(count), count, "more bytes than the write buffer holds");
        _end += count;
    }

    /// <summary>Copies received bytes into the parser.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        data.CopyTo(GetWriteBuffer(data.Length).Span);
        Advance(data.Length);
    }

    /// <summary>Returns the next complete frame, or false when more bytes are needed.</summary>
    /// <exception cref="StompProtocolException">The bytes are not a valid STOMP frame, or exceed the limits.</exception>
    public bool TryReadFrame([NotNullWhen(true)] out StompFrame? frame)
    {
        frame = null;
        SkipHeartBeats();
        if (_start == _end) return false;
        var data = _buffer.AsSpan(_start, _end - _start);
        if (!TryParseHead(data, out var command, out var headers, out var bodyStart, out var contentLength)) return false;
        if (!TryFindBody(data, command, bodyStart, contentLength, out var bodyLength)) return false;

        var body = bodyLength == 0 ? ReadOnlyMemory<byte>.Empty : data.Slice(bodyStart, bodyLength).ToArray();
        frame = new StompFrame(command, headers, body);
        Consume(bodyStart + bodyLength + 1);
        return true;
    }

    private void SkipHeartBeats()
    {
        while (_start < _end)
        {
            if (_buffer[_start] == Lf)
            {
                _start++;
            }
            else if (_buffer[_start] == Cr)
            {
                if (_start + 1 == _end) break;
                if (_buffer[_start + 1] != Lf) throw new StompProtocolException("a CR between frames is not followed by LF");
                _start += 2;
            }
            else
            {
                break;
            }
            HeartBeatsSeen++;
        }
        if (_start == _end) _start = _end = 0;
    }

    private void Consume(int count)
    {
        _start += count;
        _nulSearchFrom = 0;
        if (_start == _end) _start = _end = 0;
        // After a large frame, give the memory back once the buffer is drained.
        if (_start == 0 && _end == 0 && _buffer.Length > 16 * MinimumBuffer) _buffer = new byte[MinimumBuffer];
    }

    private StompProtocolException TooLarge(long size) =>
        new($"a frame of at least {size} bytes exceeds the {_limits.MaxFrameBytes}-byte limit");
}
