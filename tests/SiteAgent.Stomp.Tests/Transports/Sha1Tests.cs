using System.Security.Cryptography;
using System.Text;
using SiteAgent.Stomp.Transports.WebSockets;

namespace SiteAgent.Stomp.Tests.Transports;

public class Sha1Tests
{
    [Test]
    [Arguments("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [Arguments("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [Arguments("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    public async Task PublishedVectors(string input, string expected)
    {
        await Assert.That(Convert.ToHexStringLower(Sha1.Hash(Encoding.ASCII.GetBytes(input)))).IsEqualTo(expected);
    }

    [Test]
    public async Task EveryLengthAroundTheBlockBoundaries_MatchesTheSystemImplementation()
    {
        // 55/56 and 63/64 bytes decide whether the length still fits in the last block.
        var random = new Random(6455);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            await Assert.That(Convert.ToHexString(Sha1.Hash(data))).IsEqualTo(Convert.ToHexString(SHA1.HashData(data)));
        }
    }
}
