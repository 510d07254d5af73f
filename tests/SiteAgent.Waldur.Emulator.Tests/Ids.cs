namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>Fixed uuids of scenarios/demo.yaml and scenarios/extras.yaml (test project).</summary>
internal static class Ids
{
    public const string Token = "4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f";
    public const string Offering = "d629d5e45567425da9cdbdc1af67b32c";
    public const string ProviderCustomer = "7c0d2f4a6b8e4a1c9e3b5d7f9a1c3e50";
    public const string ConsumerCustomer = "8d1e3a5b7c9f4b2d8f4a6c8e0b2d4f61";
    public const string Project = "9e2f4b6c8d0a4c3e9a5b7d9f1c3e5a72";
    public const string Plan = "3a5c7e9b1d2f4e6a8c0b2d4f6a8c0e13";
    public const string Alice = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
    public const string Bob = "1b2c3d4e5f60418293a4b5c6d7e8f90a";
    public const string Carol = "ad000000000000000000000000000001";
    public const string PendingOrder = "c1a2b3c4d5e64f708192a3b4c5d6e7f8";
    public const string PendingOrder2 = "c2b3c4d5e6f74081a2b3c4d5e6f7a809";
    public const string ExecutingOrder = "c3c4d5e6f7084192b3c4d5e6f7a8b90a";
    public const string Resource = "aa000000000000000000000000000001";
    public const string ComponentUsage = "ab000000000000000000000000000001";
    public const string CarolOfferingUser = "ac000000000000000000000000000001";
    public const string SentRequest = "ae000000000000000000000000000001";
    public const string ProcessingRequest = "ae000000000000000000000000000002";
    public const string Policy = "af000000000000000000000000000001";
    public const string ApiKey = "b0000000000000000000000000000001";
    public const string SubDomain = "b1000000000000000000000000000001";
    public const string TeachingProject = "a9000000000000000000000000000001";
}
