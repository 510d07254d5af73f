namespace SiteAgent.Stomp.Transports.WebSockets;

/// <summary>Unpredictable bytes for the handshake key and the frame masks.</summary>
/// <remarks>
/// RandomNumberGenerator calls into OpenSSL on Linux, which the transport avoids (see
/// <see cref="WebSocketTransport"/>). Guid.NewGuid draws from the kernel's secure generator through
/// the runtime's own native code, and is documented as secure on Unix for this very use.
/// </remarks>
internal static class KernelRandom
{
    public static void Fill(Span<byte> destination)
    {
        Span<byte> guid = stackalloc byte[16];
        while (!destination.IsEmpty)
        {
            Guid.NewGuid().TryWriteBytes(guid);
            // Bytes 7 and 8 carry the version and variant bits; the other fourteen are random.
            destination = Take(guid[..7], destination);
            destination = Take(guid[9..], destination);
        }
    }

    private static Span<byte> Take(scoped ReadOnlySpan<byte> random, Span<byte> destination)
    {
        var count = Math.Min(random.Length, destination.Length);
        random[..count].CopyTo(destination);
        return destination[count..];
    }
}
