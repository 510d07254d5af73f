
namespace SiteAgent.Backends.Slurm.Tests.Backend;

public class SlurmNamesTests
{
    [Test]
    [Arguments("hpc_alloc-1", "hpc_alloc-1")]
    [Arguments("HPC_Proj-1", "hpc_proj-1")]
    [Arguments("_x.y-z", "_x.y-z")]
    [Arguments("2026_00a", "2026_00a")]
    public async Task Account_Valid_IsLowerCased(string value, string expected) => await Assert.That(SlurmNames.Account(value, "id")).IsEqualTo(expected);

    [Test]
    [Arguments("")]
    [Arguments("-x")]
    [Arguments(".x")]
    [Arguments("a=b")]
    [Arguments("a,b")]
    [Arguments("a b")]
    [Arguments("a;rm -rf /")]
    [Arguments("$(id)")]
    [Arguments("`id`")]
    [Arguments("a\"b")]
    [Arguments("a'b")]
    [Arguments("a/b")]
    [Arguments("a:b")]
    [Arguments("a\n")]
    [Arguments("a\nb")]
    [Arguments("where")]
    [Arguments("SET")]
    [Arguments("withassoc")]
    [Arguments("cluster")]
    [Arguments("qos")]
    public async Task Account_Hostile_IsRefusedNamingTheField(string value)
    {
        var error = Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Account(value, "resource backend_id"));
        await Assert.That(error.Message).Contains("resource backend_id");
        await Assert.That(error.Message).DoesNotContain("\n");
    }

    [Test]
    public async Task Account_ExistingIds_AreAcceptedUpTo255Characters()
    {
        var forty3 = new string('a', 43);
        await Assert.That(SlurmNames.Account(forty3, "id")).IsEqualTo(forty3);
        await Assert.That(SlurmNames.Account(new string('a', 255), "id")).IsEqualTo(new string('a', 255));
        await Assert.That(Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Account(new string('a', 256), "id")).Message).Contains("255");
    }

    [Test]
    [Arguments("hpc_alloc-1")]
    [Arguments("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task NewAccount_UpTo42Characters_IsKeptLowerCased(string id) => await Assert.That(SlurmNames.NewAccount(id.ToUpperInvariant(), "id")).IsEqualTo(id);

    [Test]
    public async Task NewAccount_Longer_IsShortenedToAReadableStartAndAStableHash()
    {
        var full = "hpc_very-long-project-name-very-long-project-name";

        var id = SlurmNames.NewAccount(full, "project account id");

        await Assert.That(id.Length).IsEqualTo(42);
        await Assert.That(id).StartsWith(full[..33]);
        await Assert.That(id).Matches("^hpc_very-long-project-name-very-l-[0-9a-f]{8}$");
        await Assert.That(SlurmNames.NewAccount(full.ToUpperInvariant(), "project account id")).IsEqualTo(id);
        await Assert.That(SlurmNames.Account(id, "project account id")).IsEqualTo(id);
    }

    [Test]
    public async Task NewAccount_TwoIdsSharingTheirFirst42Characters_GetDifferentIds()
    {
        var common = new string('p', 42);

        await Assert.That(SlurmNames.NewAccount(common + "-two", "id")).IsNotEqualTo(SlurmNames.NewAccount(common + "-one", "id"));
        await Assert.That(SlurmNames.NewAccount(common, "id")).IsNotEqualTo(SlurmNames.NewAccount(common + "-one", "id"));
    }

    [Test]
    public async Task NewAccount_StartEndingInDashOrDot_DropsThemBeforeTheHash()
    {
        var id = SlurmNames.NewAccount(new string('x', 31) + ".-" + new string('y', 20), "id");

        await Assert.That(id).Matches("^x{31}-[0-9a-f]{8}$");
    }

    [Test]
    [Arguments("")]
    [Arguments("where")]
    [Arguments("-lead")]
    [Arguments("a b")]
    [Arguments("x;rm-rf-this-is-a-long-and-hostile-account-id-beyond-42")]
    public async Task NewAccount_NeverSafeValues_AreRefusedWhateverTheirLength(string value)
    {
        var error = Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.NewAccount(value, "project account id"));
        await Assert.That(error.Message).StartsWith("Refusing project account id");
    }

    [Test]
    [Arguments("alice")]
    [Arguments("Alice.Smith")]
    [Arguments("_svc-1")]
    [Arguments("a.b_c-d")]
    public async Task Username_Valid(string value) => await Assert.That(SlurmNames.Username(value)).IsEqualTo(value);

    [Test]
    [Arguments("")]
    [Arguments("-x")]
    [Arguments("--help")]
    [Arguments("name=zed")]
    [Arguments("eve,mallory")]
    [Arguments("cuid:alice")]
    [Arguments("a b")]
    [Arguments("a\tb")]
    [Arguments("a;b")]
    [Arguments("a|b")]
    [Arguments("a&b")]
    [Arguments("$USER")]
    [Arguments("a/b")]
    [Arguments("..")]
    [Arguments("where")]
    [Arguments("and")]
    [Arguments("set")]
    [Arguments("withassoc")]
    [Arguments("a\"b")]
    public void Username_Hostile_IsRefused(string value) => Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Username(value));

    [Test]
    public void Username_OverLong_IsRefused() => Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Username(new string('u', 256)));

    [Test]
    [Arguments("normal")]
    [Arguments("gpu-a100")]
    [Arguments("hpc_alloc-1")]
    public async Task QosAndPartition_Valid(string value)
    {
        await Assert.That(SlurmNames.Qos(value)).IsEqualTo(value);
        await Assert.That(SlurmNames.Partition(value)).IsEqualTo(value);
    }

    [Test]
    [Arguments("-x")]
    [Arguments("a,b")]
    [Arguments("a.b")]
    [Arguments("a=b")]
    [Arguments("")]
    public async Task QosAndPartition_Invalid_UseTheReferenceMessages(string value)
    {
        await Assert.That(Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Qos(value)).Message).StartsWith("Invalid SLURM QoS name:");
        await Assert.That(Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Partition(value)).Message).StartsWith("Invalid SLURM partition name:");
    }

    [Test]
    [Arguments("cpu")]
    [Arguments("gres/gpu")]
    [Arguments("gres/gpu:a100")]
    [Arguments("license/matlab")]
    public async Task Tres_Valid(string value) => await Assert.That(SlurmNames.Tres(value)).IsEqualTo(value);

    [Test]
    [Arguments("CPU")]
    [Arguments("cpu=1")]
    [Arguments("cpu,mem")]
    [Arguments("node_hours")]
    public void Tres_Invalid(string value) => Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Tres(value));

    [Test]
    [Arguments("Org A", "Org A")]
    [Arguments("  line one\nline two\r\n ", "line one line two")]
    [Arguments("say \"hi\"", "say hi")]
    [Arguments("Mixed Case, with comma", "Mixed Case, with comma")]
    [Arguments("a=b", "a=b")]
    [Arguments("tab\there\u0007bell", "tab herebell")]
    [Arguments("O'Brien", "O'Brien")]
    public async Task Description_IsSanitisedNotRefused(string text, string expected) => await Assert.That(SlurmNames.Description(text)).IsEqualTo(expected);
}
