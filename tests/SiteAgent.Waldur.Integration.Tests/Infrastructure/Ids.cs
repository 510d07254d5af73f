namespace SiteAgent.Waldur.Integration.Tests.Infrastructure;

/// <summary>Fixed uuids of the emulator's demo.yaml and of scenarios/integration.yaml.</summary>
internal static class Ids
{
    public static readonly Guid Offering = Guid.Parse("d629d5e45567425da9cdbdc1af67b32c");
    public static readonly Guid ProviderCustomer = Guid.Parse("7c0d2f4a6b8e4a1c9e3b5d7f9a1c3e50");
    public static readonly Guid ConsumerCustomer = Guid.Parse("8d1e3a5b7c9f4b2d8f4a6c8e0b2d4f61");
    public static readonly Guid Project = Guid.Parse("9e2f4b6c8d0a4c3e9a5b7d9f1c3e5a72");
    public static readonly Guid Plan = Guid.Parse("3a5c7e9b1d2f4e6a8c0b2d4f6a8c0e13");
    public static readonly Guid SiteAgent = Guid.Parse("5f1c8a2e9d0b4c7e8a3f6b1d2c4e9a70");
    public static readonly Guid Alice = Guid.Parse("0a1b2c3d4e5f40718293a4b5c6d7e8f9");
    public static readonly Guid Bob = Guid.Parse("1b2c3d4e5f60418293a4b5c6d7e8f90a");
    public static readonly Guid Carol = Guid.Parse("ad000000000000000000000000000001");
    public static readonly Guid PendingOrder = Guid.Parse("c1a2b3c4d5e64f708192a3b4c5d6e7f8");
    public static readonly Guid PendingOrder2 = Guid.Parse("c2b3c4d5e6f74081a2b3c4d5e6f7a809");
    public static readonly Guid ExecutingOrder = Guid.Parse("c3c4d5e6f7084192b3c4d5e6f7a8b90a");
    public static readonly Guid Resource = Guid.Parse("aa000000000000000000000000000001");
    public static readonly Guid ComponentUsage = Guid.Parse("ab000000000000000000000000000001");
    public static readonly Guid CarolOfferingUser = Guid.Parse("ac000000000000000000000000000001");
    public static readonly Guid SentRequest = Guid.Parse("ae000000000000000000000000000001");
    public static readonly Guid ProcessingRequest = Guid.Parse("ae000000000000000000000000000002");
    public static readonly Guid Policy = Guid.Parse("af000000000000000000000000000001");
    public static readonly Guid ApiKey = Guid.Parse("b0000000000000000000000000000001");
    public static readonly Guid SubDomain = Guid.Parse("b1000000000000000000000000000001");
    public static readonly Guid TeachingProject = Guid.Parse("a9000000000000000000000000000001");

    /// <summary>The 32-hex form the emulator's state and URLs use.</summary>
    public static string Hex(this Guid id) => id.ToString("N");
}
