using SiteAgent.Stomp.Transports.WebSockets;

namespace SiteAgent.Stomp.Tests.Transports;

public class KernelRandomTests
{
    [Test]
    [Arguments(4)]
    [Arguments(16)]
    [Arguments(29)]
    public async Task Fill_ReachesEveryByte(int length)
    {
        // A byte left unwritten stays 0 in every one of 200 fills; a random one is 0 about once.
        var everNonZero = new bool[length];
        var buffer = new byte[length];
        for (var round = 0; round < 200; round++)
        {
            Array.Clear(buffer);
            KernelRandom.Fill(buffer);
            for (var i = 0; i < length; i++) everNonZero[i] |= buffer[i] != 0;
        }
        await Assert.That(everNonZero.All(b => b)).IsTrue();
    }

    [Test]
    public async Task VersionAndVariantBits_DoNotLeakIntoTheOutput()
    {
        // A GUID's byte 7 always starts with 0100 and byte 8 with 10; taken as they are, every 14th
        // output byte would show it. Over 2000 bytes at each position, all 16 high nibbles appear.
        var nibbles = Enumerable.Range(0, 16).Select(_ => new HashSet<int>()).ToArray();
        var buffer = new byte[16];
        for (var round = 0; round < 2000; round++)
        {
            KernelRandom.Fill(buffer);
            for (var i = 0; i < buffer.Length; i++) nibbles[i].Add(buffer[i] >> 4);
        }
        await Assert.That(nibbles.All(seen => seen.Count == 16)).IsTrue();
    }
}
