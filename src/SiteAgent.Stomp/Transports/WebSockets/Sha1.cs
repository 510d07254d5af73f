using System.Buffers.Binary;
using System.Numerics;

namespace SiteAgent.Stomp.Transports.WebSockets;

/// <summary>
/// SHA-1 (FIPS 180-4), used only to check the broker's <c>Sec-WebSocket-Accept</c> answer, where the
/// WebSocket protocol fixes the algorithm.
/// </summary>
/// <remarks>
/// .NET's own SHA-1 calls into OpenSSL, and loading libcrypto costs the idle daemon several MB of
/// resident memory on plain <c>ws://</c>, where nothing else needs it. The accept check guards against
/// talking to something that is not a WebSocket server, not against an attacker, so a short managed
/// implementation is the right trade.
/// </remarks>
internal static class Sha1
{
    public const int HashSize = 20;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        Span<uint> state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
        // The message, a 1 bit, zeros, and the length in bits as 64-bit big-endian, in whole 64-byte blocks.
        var padded = new byte[(data.Length + 8 + 1 + 63) / 64 * 64];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)data.Length * 8);

        Span<uint> schedule = stackalloc uint[80];
        for (var block = 0; block < padded.Length; block += 64)
        {
            Compress(state, padded.AsSpan(block, 64), schedule);
        }

        var hash = new byte[HashSize];
        for (var i = 0; i < state.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(4 * i), state[i]);
        return hash;
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (var i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * i)..]);
        for (var i = 16; i < 80; i++) w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var i = 0; i < 80; i++)
        {
            var (f, k) = i switch
            {
                < 20 => ((b & c) | (~b & d), 0x5A827999u),
                < 40 => (b ^ c ^ d, 0x6ED9EBA1u),
                < 60 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                _ => (b ^ c ^ d, 0xCA62C1D6u),
            };
            var next = BitOperations.RotateLeft(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = BitOperations.RotateLeft(b, 30);
            b = a;
            a = next;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }
}
