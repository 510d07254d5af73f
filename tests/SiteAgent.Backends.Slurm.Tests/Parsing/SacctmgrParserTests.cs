using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class SacctmgrParserTests
{
    [Fact]
    public void ParseAccounts_ListAccount_ReadsEveryRecord()
    {
        var accounts = SlurmParser.ParseAccounts(Fixture.Text("sacctmgr-list-account.txt"));

        Assert.Equal(5, accounts.Count);
        Assert.Equal(new SlurmAccount("hpc_alloc-1", "allocation one", "hpc_proj-1"), accounts[0]);
        Assert.Equal(new SlurmAccount("root", "default root account", "root"), accounts[4]);
    }

    [Theory]
    [InlineData("sacctmgr-show-account-existing.txt", "hpc_alloc-1", "allocation one")]
    [InlineData("sacctmgr-show-account-after-cluster-scoped-remove.txt", "hpc_alloc-1", "allocation one")]
    public void ParseAccount_ShowAccount_FindsTheRecord(string fixture, string name, string description)
    {
        var account = SlurmParser.ParseAccount(Fixture.Text(fixture), name);

        Assert.NotNull(account);
        Assert.Equal(description, account.Description);
        Assert.Equal("hpc_proj-1", account.Organization);
    }

    [Fact]
    public void ParseAccount_Missing_IsNull() =>
        Assert.Null(SlurmParser.ParseAccount(Fixture.Text("sacctmgr-show-account-missing.txt"), "hpc_org-a"));

    [Theory]
    [InlineData("sacctmgr-show-account-newline-description.txt", "hpc_nl", "line one\nline two", "hpc_proj-1")]
    [InlineData("tests-sacctmgr-show-account-description-newline.txt", "2026_084", "2026_084: gpu-accelerated integration of\ntranscriptomics data", "2026_084")]
    public void ParseAccount_DescriptionWithNewline_JoinsTheRecordSplitOverTwoLines(string fixture, string name, string description, string organization)
    {
        var accounts = SlurmParser.ParseAccounts(Fixture.Text(fixture));

        var account = Assert.Single(accounts);
        Assert.Equal(new SlurmAccount(name, description, organization), account);
    }

    [Fact]
    public void ParseAccounts_TruncatedRecord_PadsMissingFields()
    {
        var account = Assert.Single(SlurmParser.ParseAccounts(Fixture.Text("tests-sacctmgr-list-account-truncated-record.txt")));

        Assert.Equal("2026_084", account.Name);
        Assert.Equal(string.Empty, account.Organization);
    }

    [Fact]
    public void ParseTres_WithGpu_BuildsTypeSlashName() =>
        Assert.Equal(["cpu", "mem", "energy", "node", "billing", "fs/disk", "vmem", "pages", "gres/gpu"], SlurmParser.ParseTres(Fixture.Text("sacctmgr-list-tres-with-gpu.txt")));

    [Theory]
    [InlineData("sacctmgr-list-cluster-one.txt", new[] { "testcluster" })]
    [InlineData("tests-sacctmgr-list-cluster-two-clusters.txt", new[] { "anansi", "hydra" })]
    public void ParseClusters_BareNames(string fixture, string[] expected) =>
        Assert.Equal(expected, SlurmParser.ParseClusters(Fixture.Text(fixture)));

    [Fact]
    public void ParseAccountAssociationExists_AccountLevelRow_IsFound()
    {
        Assert.True(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-existence-check.txt"), "hpc_alloc-2"));
        Assert.True(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-existence-check.txt"), "HPC_Alloc-2"));
    }

    [Fact]
    public void Quirk_R2IgnoresCluster_ExistenceIsTheAssociationNotTheRecord()
    {
        // After "remove account … cluster=C" the record is still listed by show account, but the association is gone.
        Assert.NotNull(SlurmParser.ParseAccount(Fixture.Text("sacctmgr-show-account-after-cluster-scoped-remove.txt"), "hpc_alloc-1"));
        Assert.False(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-existence-check-missing.txt"), "hpc_alloc-1"));
        Assert.False(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-after-cluster-scoped-remove.txt"), "hpc_alloc-1"));
    }

    [Fact]
    public void ParseAccountAssociationExists_OnlyUserRows_IsFalse() =>
        Assert.False(SlurmParser.ParseAccountAssociationExists("hpc_alloc-2|alice|\nhpc_alloc-2|bob|debug\n", "hpc_alloc-2"));

    [Fact]
    public void ParseUserAssociationExists_DefaultFormat()
    {
        Assert.True(SlurmParser.ParseUserAssociationExists(Fixture.Text("sacctmgr-show-assoc-user-existing.txt"), "root", "hpc_alloc-1"));
        Assert.False(SlurmParser.ParseUserAssociationExists(Fixture.Text("sacctmgr-show-assoc-user-missing.txt"), "root", "hpc_alloc-1"));
    }

    [Fact]
    public void ParseHasUsers_DefaultFormat()
    {
        Assert.True(SlurmParser.ParseHasUsers(Fixture.Text("sacctmgr-show-assoc-account-with-users.txt")));
        Assert.False(SlurmParser.ParseHasUsers("testcluster|hpc_alloc-1|||1||||||cpu=600000|||||||normal||\n"));
    }

    [Fact]
    public void ParseAccountUsers_SkipsTheAccountRow() =>
        Assert.Equal(["daemon", "nobody", "root"], SlurmParser.ParseAccountUsers(Fixture.Text("sacctmgr-list-assoc-account-user.txt"), "hpc_alloc-1"));

    [Fact]
    public void Quirk_R7PartitionDuplicatesAndCase_UsersAreDeduplicatedAndAccountMatchedIgnoringCase() =>
        Assert.Equal(["daemon", "games", "nobody", "root"], SlurmParser.ParseAccountUsers(Fixture.Text("sacctmgr-list-assoc-account-user-partition-duplicates.txt"), "HPC_Alloc-2"));

    [Theory]
    [InlineData("sacctmgr-show-assoc-parent.txt", "hpc_proj-1", "hpc_org-a")]
    [InlineData("sacctmgr-show-assoc-parent-mixed-case-query.txt", "HPC_Proj-1", "hpc_org-a")]
    [InlineData("sacctmgr-show-assoc-parent-with-user-rows.txt", "hpc_alloc-2", "hpc_proj-1")]
    [InlineData("sacctmgr-show-assoc-parent-root.txt", "root", null)]
    [InlineData("tests-sacctmgr-show-assoc-parent-account-and-user-rows.txt", "hpc_project-alpha", "hpc_org-a")]
    [InlineData("tests-sacctmgr-show-assoc-parent-other-account-only.txt", "hpc_project-alpha", null)]
    [InlineData("tests-sacctmgr-show-assoc-parent-user-row-only.txt", "hpc_project-alpha", null)]
    [InlineData("tests-sacctmgr-show-assoc-parent-case-folded.txt", "2026_00A", "hpc_org-a")]
    [InlineData("tests-sacctmgr-show-assoc-parent-case-variant-absent.txt", "2026_00A", null)]
    [InlineData("tests-sacctmgr-show-assoc-parent-stored-upper-case.txt", "proj_x", "hpc_org-a")]
    public void ParseParent_AccountRowIgnoringCase(string fixture, string account, string? parent) =>
        Assert.Equal(parent, SlurmParser.ParseParent(Fixture.Text(fixture), account));

    [Fact]
    public void Quirk_R12R13ReadNothing_SettingsComeFromTheAccountLevelAssociation()
    {
        var settings = SlurmParser.ParseAssociationSettings(Fixture.Text("sacctmgr-show-assoc-account-settings.txt"), "hpc_alloc-2");

        Assert.NotNull(settings);
        Assert.Equal(500, settings.Fairshare);
        Assert.Equal("600000", settings.GrpTresMins["cpu"]);
        Assert.Equal("1.50G", settings.GrpTresMins["mem"]);
        Assert.Equal(["normal"], settings.Qos);
        Assert.Equal(string.Empty, settings.DefaultQos);
    }

    [Fact]
    public void ParseAssociationSettings_ShareParent_ReadsAsZero()
    {
        var settings = SlurmParser.ParseAssociationSettings("hpc_a|||parent|||||hpc_a,normal|hpc_a\n", "hpc_a");

        Assert.NotNull(settings);
        Assert.Equal(0, settings.Fairshare);
        Assert.Equal(["hpc_a", "normal"], settings.Qos);
        Assert.Equal("hpc_a", settings.DefaultQos);
    }

    [Fact]
    public void Quirk_R12SubstringMatch_AccountIsMatchedExactly()
    {
        // acct1 must not match the row of acct10.
        Assert.Null(SlurmParser.ParseAssociationSettings("acct10|||500|||||normal|\n", "acct1"));
        Assert.NotNull(SlurmParser.ParseAssociationSettings("acct10|||500|||||normal|\nacct1|||7|||||normal|\n", "acct1"));
    }

    [Fact]
    public void ParseGrpTresMins_ConvertsMemoryToMegabytes()
    {
        var limits = SlurmParser.ParseGrpTresMins(Fixture.Text("sacctmgr-show-assoc-grptresmins.txt"));

        Assert.Equal(600000, limits.Values["cpu"]);
        Assert.Equal(614400, limits.Values["mem"]);
    }

    [Fact]
    public void ParseUserMaxTresMins_RowsWithUsers()
    {
        var limits = SlurmParser.ParseUserMaxTresMins(Fixture.Text("sacctmgr-show-assoc-maxtresmins.txt"));

        Assert.Equal(["daemon", "nobody", "root"], limits.Keys.Order());
        Assert.Equal(6000, limits["root"].Values["cpu"]);
        Assert.Empty(limits["nobody"].Values);
    }

    [Fact]
    public void ParseQosExists_RecordOrNothing()
    {
        Assert.True(SlurmParser.ParseQosExists(Fixture.Text("sacctmgr-show-qos-existing.txt")));
        Assert.False(SlurmParser.ParseQosExists(Fixture.Text("sacctmgr-show-qos-missing.txt")));
    }

    [Fact]
    public void ParseUserDefaults_UserAndDefaultAccount()
    {
        Assert.Equal(
            [new SlurmUserDefault("daemon", "hpc_alloc-1"), new SlurmUserDefault("nobody", "root"), new SlurmUserDefault("root", "root")],
            SlurmParser.ParseUserDefaults(Fixture.Text("sacctmgr-show-user-default-account.txt")));
        Assert.Equal("hpc_org-b", SlurmParser.ParseUserDefaults(Fixture.Text("sacctmgr-show-user-default-account-after-change.txt"))[0].DefaultAccount);
    }

    [Theory]
    [InlineData("sinfo-V-debian.txt", true)]
    [InlineData("sacctmgr-version-debian.txt", true)]
    [InlineData("tests-sacctmgr-version-upstream.txt", true)]
    [InlineData("tests-sacctmgr-version-debian-prefix.txt", true)]
    [InlineData("tests-sacctmgr-version-emulator.txt", false)]
    public void IsSlurmVersion_RealBinariesOnly(string fixture, bool real) =>
        Assert.Equal(real, SlurmParser.IsSlurmVersion(Fixture.Text(fixture)));

    [Fact]
    public void ParseVersion_Trimmed() => Assert.Equal("slurm-wlm 22.05.8", SlurmParser.ParseVersion(Fixture.Text("sinfo-V-debian.txt")));

    [Theory]
    [InlineData("id-u-existing-user.txt", 0, true)]
    [InlineData("tests-id-u-existing-user.txt", 0, true)]
    [InlineData("id-u-missing-user.txt", 1, false)]
    public void Quirk_R18TypographicQuotes_IdUIsReadByTheWordsOnly(string fixture, int exitCode, bool exists) =>
        Assert.Equal(exists, SlurmParser.ParseIdUser(exitCode, Fixture.Text(fixture)));

    [Fact]
    public void ParseIdUser_OtherFailure_IsUnknown() => Assert.Null(SlurmParser.ParseIdUser(1, "id: cannot contact LDAP"));
}
