
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
    public async Task Account_LengthRules_42ForNewIds255ForExisting()
    {
        var forty2 = new string('a', 42);
        var forty3 = new string('a', 43);
        await Assert.That(SlurmNames.Account(forty2, "id", SlurmNames.MaxNewAccountLength)).IsEqualTo(forty2);
        var error = Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Account(forty3, "id", SlurmNames.MaxNewAccountLength));
        await Assert.That(error.Message).Contains("42");
        await Assert.That(SlurmNames.Account(forty3, "id")).IsEqualTo(forty3);
        Assert.ThrowsExactly<UnsafeValueException>(() => SlurmNames.Account(new string('a', 256), "id"));
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
