using SiteAgent.Backends;
using SiteAgent.Backends.Base;
using SiteAgent.Backends.Capabilities;
using SiteAgent.Backends.Registry;
using SiteAgent.Backends.Settings;
using SiteAgent.Backends.Slurm.Options;
using SiteAgent.Core.Backends;
using SiteAgent.Core.Config;

namespace SiteAgent.Core.Tests.Config;

/// <summary>A catalog like a real build's, assembled by hand so the loader is tested without the generator.</summary>
internal static class TestCatalog
{
    public static BackendCatalog Create() => new(
    [
        new BackendDescriptor("base", "Basic", "1.0.0", "", typeof(BaseUsernameBackend).FullName!,
            [BackendCapabilities.UsernameManagement], r => NoSettings.Read(r), (_, _) => new BaseUsernameBackend()),
        new BackendDescriptor("slurm", "SLURM", "1.0.0", "", "Test.Slurm",
            [BackendCapabilities.MembershipSync, BackendCapabilities.OrderProcessing, BackendCapabilities.UsageReporting],
            r => SlurmOptions.Read(r), (_, _) => new object()),
    ]);

    public static ConfigLoadResult Load(string yaml) => new ConfigLoader(Create()).LoadText("/etc/waldur/test.yaml", yaml);

    /// <summary>One valid offering; tests append or replace lines.</summary>
    public const string Offering = """
          - name: "Rocket CPU cluster"
            waldur_api_url: "https://portal.example.org/api/"
            waldur_api_token: "4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f"
            waldur_offering_uuid: "d629d5e45567425da9cdbdc1af67b32c"
            backend_type: "slurm"
            order_processing_backend: "slurm"
        """;

    public static string WithOffering(string extra = "") => "offerings:\n" + Offering + extra;

    public static string Errors(ConfigLoadResult result) => string.Join("\n", result.Errors);
}
