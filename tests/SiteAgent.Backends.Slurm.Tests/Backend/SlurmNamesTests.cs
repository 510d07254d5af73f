namespace SiteAgent.Backends.Slurm.Tests.Backend;

public class SlurmNamesTests
{
    [Theory]
    [InlineData("hpc_alloc-1", "hpc_alloc-1")]
    [InlineData("HPC_Proj-1", "hpc_proj-1")]
    [InlineData("_x.y-z", "_x.y-z")]
    [InlineData("2026_00a", "2026_00a")]
    public void Account_Valid_IsLowerCased(string value, string expected) => Assert.Equal(expected, SlurmNames.Account(value, "id"));

    [Theory]
    [InlineData("")]
    [InlineData("-x")]
    [InlineData(".x")]
    [InlineData("a=b")]
    [InlineData("a,b")]
    [InlineData("a b")]
    [InlineData("a;rm -rf /")]
    [InlineData("$(id)")]
    [InlineData("`id`")]
    [InlineData("a\"b")]
    [InlineData("a'b")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("a\n")]
    [InlineData("a\nb")]
    [InlineData("where")]
    [InlineData("SET")]
    [InlineData("withassoc")]
    [InlineData("cluster")]
    [InlineData("qos")]
    public void Account_Hostile_IsRefusedNamingTheField(string value)
    {
        var error = Assert.Throws<UnsafeValueException>(() => SlurmNames.Account(value, "resource backend_id"));
        Assert.Contains("resource backend_id", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_ExistingIds_AreAcceptedUpTo255Characters()
    {
        var forty3 = new string('a', 43);
        Assert.Equal(forty3, SlurmNames.Account(forty3, "id"));
        Assert.Equal(new string('a', 255), SlurmNames.Account(new string('a', 255), "id"));
        Assert.Contains("255", Assert.Throws<UnsafeValueException>(() => SlurmNames.Account(new string('a', 256), "id")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hpc_alloc-1")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void NewAccount_UpTo42Characters_IsKeptLowerCased(string id) => Assert.Equal(id, SlurmNames.NewAccount(id.ToUpperInvariant(), "id"));

    [Fact]
    public void NewAccount_Longer_IsShortenedToAReadableStartAndAStableHash()
    {
        var full = "hpc_very-long-project-name-very-long-project-name";

        var id = SlurmNames.NewAccount(full, "project account id");

        Assert.Equal(42, id.Length);
        Assert.StartsWith(full[..33], id, StringComparison.Ordinal);
        Assert.Matches("^hpc_very-long-project-name-very-l-[0-9a-f]{8}$", id);
        Assert.Equal(id, SlurmNames.NewAccount(full.ToUpperInvariant(), "project account id"));
        Assert.Equal(id, SlurmNames.Account(id, "project account id"));
    }

    [Fact]
    public void NewAccount_TwoIdsSharingTheirFirst42Characters_GetDifferentIds()
    {
        var common = new string('p', 42);

        Assert.NotEqual(SlurmNames.NewAccount(common + "-one", "id"), SlurmNames.NewAccount(common + "-two", "id"));
        Assert.NotEqual(SlurmNames.NewAccount(common + "-one", "id"), SlurmNames.NewAccount(common, "id"));
    }

    [Fact]
    public void NewAccount_StartEndingInDashOrDot_DropsThemBeforeTheHash()
    {
        var id = SlurmNames.NewAccount(new string('x', 31) + ".-" + new string('y', 20), "id");

        Assert.Matches("^x{31}-[0-9a-f]{8}$", id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("where")]
    [InlineData("-lead")]
    [InlineData("a b")]
    [InlineData("x;rm-rf-this-is-a-long-and-hostile-account-id-beyond-42")]
    public void NewAccount_NeverSafeValues_AreRefusedWhateverTheirLength(string value)
    {
        var error = Assert.Throws<UnsafeValueException>(() => SlurmNames.NewAccount(value, "project account id"));
        Assert.StartsWith("Refusing project account id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("Alice.Smith")]
    [InlineData("_svc-1")]
    [InlineData("a.b_c-d")]
    public void Username_Valid(string value) => Assert.Equal(value, SlurmNames.Username(value));

    [Theory]
    [InlineData("")]
    [InlineData("-x")]
    [InlineData("--help")]
    [InlineData("name=zed")]
    [InlineData("eve,mallory")]
    [InlineData("cuid:alice")]
    [InlineData("a b")]
    [InlineData("a\tb")]
    [InlineData("a;b")]
    [InlineData("a|b")]
    [InlineData("a&b")]
    [InlineData("$USER")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("where")]
    [InlineData("and")]
    [InlineData("set")]
    [InlineData("withassoc")]
    [InlineData("a\"b")]
    public void Username_Hostile_IsRefused(string value) => Assert.Throws<UnsafeValueException>(() => SlurmNames.Username(value));

    [Fact]
    public void Username_OverLong_IsRefused() => Assert.Throws<UnsafeValueException>(() => SlurmNames.Username(new string('u', 256)));

    [Theory]
    [InlineData("normal")]
    [InlineData("gpu-a100")]
    [InlineData("hpc_alloc-1")]
    public void QosAndPartition_Valid(string value)
    {
        Assert.Equal(value, SlurmNames.Qos(value));
        Assert.Equal(value, SlurmNames.Partition(value));
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("a,b")]
    [InlineData("a.b")]
    [InlineData("a=b")]
    [InlineData("")]
    public void QosAndPartition_Invalid_UseTheReferenceMessages(string value)
    {
        Assert.StartsWith("Invalid SLURM QoS name:", Assert.Throws<UnsafeValueException>(() => SlurmNames.Qos(value)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid SLURM partition name:", Assert.Throws<UnsafeValueException>(() => SlurmNames.Partition(value)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gres/gpu")]
    [InlineData("gres/gpu:a100")]
    [InlineData("license/matlab")]
    public void Tres_Valid(string value) => Assert.Equal(value, SlurmNames.Tres(value));

    [Theory]
    [InlineData("CPU")]
    [InlineData("cpu=1")]
    [InlineData("cpu,mem")]
    [InlineData("node_hours")]
    public void Tres_Invalid(string value) => Assert.Throws<UnsafeValueException>(() => SlurmNames.Tres(value));

    [Theory]
    [InlineData("Org A", "Org A")]
    [InlineData("  line one\nline two\r\n ", "line one line two")]
    [InlineData("say \"hi\"", "say hi")]
    [InlineData("Mixed Case, with comma", "Mixed Case, with comma")]
    [InlineData("a=b", "a=b")]
    [InlineData("tab\there\u0007bell", "tab herebell")]
    [InlineData("O'Brien", "O'Brien")]
    public void Description_IsSanitisedNotRefused(string text, string expected) => Assert.Equal(expected, SlurmNames.Description(text));
}
