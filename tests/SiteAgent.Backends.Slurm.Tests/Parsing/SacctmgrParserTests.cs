using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class SacctmgrParserTests
{
    [Test]
    public async Task ParseAccounts_ListAccount_ReadsEveryRecord()
    {
        var accounts = SlurmParser.ParseAccounts(Fixture.Text("sacctmgr-list-account.txt"));

        await Assert.That(accounts.Count).IsEqualTo(5);
        await Assert.That(accounts[0]).IsEqualTo(new SlurmAccount("hpc_alloc-1", "allocation one", "hpc_proj-1"));
        await Assert.That(accounts[4]).IsEqualTo(new SlurmAccount("root", "default root account", "root"));
    }

    [Test]
    [Arguments("sacctmgr-show-account-existing.txt", "hpc_alloc-1", "allocation one")]
    [Arguments("sacctmgr-show-account-after-cluster-scoped-remove.txt", "hpc_alloc-1", "allocation one")]
    public async Task ParseAccount_ShowAccount_FindsTheRecord(string fixture, string name, string description)
    {
        var account = SlurmParser.ParseAccount(Fixture.Text(fixture), name);

        await Assert.That(account).IsNotNull();
        await Assert.That(account.Description).IsEqualTo(description);
        await Assert.That(account.Organization).IsEqualTo("hpc_proj-1");
    }

    [Test]
    public async Task ParseAccount_Missing_IsNull() =>
        await Assert.That(SlurmParser.ParseAccount(Fixture.Text("sacctmgr-show-account-missing.txt"), "hpc_org-a")).IsNull();

    [Test]
    [Arguments("sacctmgr-show-account-newline-description.txt", "hpc_nl", "line one\nline two", "hpc_proj-1")]
    [Arguments("tests-sacctmgr-show-account-description-newline.txt", "2026_084", "2026_084: gpu-accelerated integration of\ntranscriptomics data", "2026_084")]
    public async Task ParseAccount_DescriptionWithNewline_JoinsTheRecordSplitOverTwoLines(string fixture, string name, string description, string organization)
    {
        var accounts = SlurmParser.ParseAccounts(Fixture.Text(fixture));

        var account = await Assert.That(accounts).HasSingleItem();
        await Assert.That(account).IsEqualTo(new SlurmAccount(name, description, organization));
    }

    [Test]
    public async Task ParseAccounts_TruncatedRecord_PadsMissingFields()
    {
        var account = await Assert.That(SlurmParser.ParseAccounts(Fixture.Text("tests-sacctmgr-list-account-truncated-record.txt"))).HasSingleItem();

        await Assert.That(account.Name).IsEqualTo("2026_084");
        await Assert.That(account.Organization).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task ParseTres_WithGpu_BuildsTypeSlashName() =>
        await Assert.That(SlurmParser.ParseTres(Fixture.Text("sacctmgr-list-tres-with-gpu.txt"))).IsEquivalentTo(["cpu", "mem", "energy", "node", "billing", "fs/disk", "vmem", "pages", "gres/gpu"], CollectionOrdering.Matching);

    [Test]
    [Arguments("sacctmgr-list-cluster-one.txt", new[] { "testcluster" })]
    [Arguments("tests-sacctmgr-list-cluster-two-clusters.txt", new[] { "anansi", "hydra" })]
    public async Task ParseClusters_BareNames(string fixture, string[] expected) =>
        await Assert.That(SlurmParser.ParseClusters(Fixture.Text(fixture))).IsEquivalentTo(expected, CollectionOrdering.Matching);

    [Test]
    public async Task ParseAccountAssociationExists_AccountLevelRow_IsFound()
    {
        await Assert.That(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-existence-check.txt"), "hpc_alloc-2")).IsTrue();
        await Assert.That(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-existence-check.txt"), "HPC_Alloc-2")).IsTrue();
    }

    [Test]
    public async Task Quirk_R2IgnoresCluster_ExistenceIsTheAssociationNotTheRecord()
    {
        // After "remove account … cluster=C" the record is still listed by show account, but the association is gone.
        await Assert.That(SlurmParser.ParseAccount(Fixture.Text("sacctmgr-show-account-after-cluster-scoped-remove.txt"), "hpc_alloc-1")).IsNotNull();
        await Assert.That(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-existence-check-missing.txt"), "hpc_alloc-1")).IsFalse();
        await Assert.That(SlurmParser.ParseAccountAssociationExists(Fixture.Text("sacctmgr-show-assoc-after-cluster-scoped-remove.txt"), "hpc_alloc-1")).IsFalse();
    }

    [Test]
    public async Task ParseAccountAssociationExists_OnlyUserRows_IsFalse() =>
        await Assert.That(SlurmParser.ParseAccountAssociationExists("hpc_alloc-2|alice|\nhpc_alloc-2|bob|debug\n", "hpc_alloc-2")).IsFalse();

    [Test]
    public async Task ParseUserAssociationExists_DefaultFormat()
    {
        await Assert.That(SlurmParser.ParseUserAssociationExists(Fixture.Text("sacctmgr-show-assoc-user-existing.txt"), "root", "hpc_alloc-1")).IsTrue();
        await Assert.That(SlurmParser.ParseUserAssociationExists(Fixture.Text("sacctmgr-show-assoc-user-missing.txt"), "root", "hpc_alloc-1")).IsFalse();
    }

    [Test]
    public async Task ParseHasUsers_DefaultFormat()
    {
        await Assert.That(SlurmParser.ParseHasUsers(Fixture.Text("sacctmgr-show-assoc-account-with-users.txt"))).IsTrue();
        await Assert.That(SlurmParser.ParseHasUsers("testcluster|hpc_alloc-1|||1||||||cpu=600000|||||||normal||\n")).IsFalse();
    }

    [Test]
    public async Task ParseAccountUsers_SkipsTheAccountRow() =>
        await Assert.That(SlurmParser.ParseAccountUsers(Fixture.Text("sacctmgr-list-assoc-account-user.txt"), "hpc_alloc-1")).IsEquivalentTo(["daemon", "nobody", "root"], CollectionOrdering.Matching);

    [Test]
    public async Task Quirk_R7PartitionDuplicatesAndCase_UsersAreDeduplicatedAndAccountMatchedIgnoringCase() =>
        await Assert.That(SlurmParser.ParseAccountUsers(Fixture.Text("sacctmgr-list-assoc-account-user-partition-duplicates.txt"), "HPC_Alloc-2")).IsEquivalentTo(["daemon", "games", "nobody", "root"], CollectionOrdering.Matching);

    [Test]
    [Arguments("sacctmgr-show-assoc-parent.txt", "hpc_proj-1", "hpc_org-a")]
    [Arguments("sacctmgr-show-assoc-parent-mixed-case-query.txt", "HPC_Proj-1", "hpc_org-a")]
    [Arguments("sacctmgr-show-assoc-parent-with-user-rows.txt", "hpc_alloc-2", "hpc_proj-1")]
    [Arguments("sacctmgr-show-assoc-parent-root.txt", "root", null)]
    [Arguments("tests-sacctmgr-show-assoc-parent-account-and-user-rows.txt", "hpc_project-alpha", "hpc_org-a")]
    [Arguments("tests-sacctmgr-show-assoc-parent-other-account-only.txt", "hpc_project-alpha", null)]
    [Arguments("tests-sacctmgr-show-assoc-parent-user-row-only.txt", "hpc_project-alpha", null)]
    [Arguments("tests-sacctmgr-show-assoc-parent-case-folded.txt", "2026_00A", "hpc_org-a")]
    [Arguments("tests-sacctmgr-show-assoc-parent-case-variant-absent.txt", "2026_00A", null)]
    [Arguments("tests-sacctmgr-show-assoc-parent-stored-upper-case.txt", "proj_x", "hpc_org-a")]
    public async Task ParseParent_AccountRowIgnoringCase(string fixture, string account, string? parent) =>
        await Assert.That(SlurmParser.ParseParent(Fixture.Text(fixture), account)).IsEqualTo(parent);

    [Test]
    public async Task Quirk_R12R13ReadNothing_SettingsComeFromTheAccountLevelAssociation()
    {
        var settings = SlurmParser.ParseAssociationSettings(Fixture.Text("sacctmgr-show-assoc-account-settings.txt"), "hpc_alloc-2");

        await Assert.That(settings).IsNotNull();
        await Assert.That(settings.Fairshare).IsEqualTo(500);
        await Assert.That(settings.GrpTresMins["cpu"]).IsEqualTo("600000");
        await Assert.That(settings.GrpTresMins["mem"]).IsEqualTo("1.50G");
        await Assert.That(settings.Qos).IsEquivalentTo(["normal"], CollectionOrdering.Matching);
        await Assert.That(settings.DefaultQos).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task ParseAssociationSettings_ShareParent_ReadsAsZero()
    {
        var settings = SlurmParser.ParseAssociationSettings("hpc_a|||parent|||||hpc_a,normal|hpc_a\n", "hpc_a");

        await Assert.That(settings).IsNotNull();
        await Assert.That(settings.Fairshare).IsEqualTo(0);
        await Assert.That(settings.Qos).IsEquivalentTo(["hpc_a", "normal"], CollectionOrdering.Matching);
        await Assert.That(settings.DefaultQos).IsEqualTo("hpc_a");
    }

    [Test]
    public async Task Quirk_R12SubstringMatch_AccountIsMatchedExactly()
    {
        // acct1 must not match the row of acct10.
        await Assert.That(SlurmParser.ParseAssociationSettings("acct10|||500|||||normal|\n", "acct1")).IsNull();
        await Assert.That(SlurmParser.ParseAssociationSettings("acct10|||500|||||normal|\nacct1|||7|||||normal|\n", "acct1")).IsNotNull();
    }

    [Test]
    public async Task ParseGrpTresMins_ConvertsMemoryToMegabytes()
    {
        var limits = SlurmParser.ParseGrpTresMins(Fixture.Text("sacctmgr-show-assoc-grptresmins.txt"));

        await Assert.That(limits.Values["cpu"]).IsEqualTo(600000);
        await Assert.That(limits.Values["mem"]).IsEqualTo(614400);
    }

    [Test]
    public async Task ParseUserMaxTresMins_RowsWithUsers()
    {
        var limits = SlurmParser.ParseUserMaxTresMins(Fixture.Text("sacctmgr-show-assoc-maxtresmins.txt"));

        await Assert.That(limits.Keys.Order()).IsEquivalentTo(["daemon", "nobody", "root"], CollectionOrdering.Matching);
        await Assert.That(limits["root"].Values["cpu"]).IsEqualTo(6000);
        await Assert.That(limits["nobody"].Values).IsEmpty();
    }

    [Test]
    public async Task ParseQosExists_RecordOrNothing()
    {
        await Assert.That(SlurmParser.ParseQosExists(Fixture.Text("sacctmgr-show-qos-existing.txt"))).IsTrue();
        await Assert.That(SlurmParser.ParseQosExists(Fixture.Text("sacctmgr-show-qos-missing.txt"))).IsFalse();
    }

    [Test]
    public async Task ParseUserDefaults_UserAndDefaultAccount()
    {
        await Assert.That(SlurmParser.ParseUserDefaults(Fixture.Text("sacctmgr-show-user-default-account.txt"))).IsEquivalentTo([new SlurmUserDefault("daemon", "hpc_alloc-1"), new SlurmUserDefault("nobody", "root"), new SlurmUserDefault("root", "root")], CollectionOrdering.Matching);
        await Assert.That(SlurmParser.ParseUserDefaults(Fixture.Text("sacctmgr-show-user-default-account-after-change.txt"))[0].DefaultAccount).IsEqualTo("hpc_org-b");
    }

    [Test]
    [Arguments("sinfo-V-debian.txt", true)]
    [Arguments("sacctmgr-version-debian.txt", true)]
    [Arguments("tests-sacctmgr-version-upstream.txt", true)]
    [Arguments("tests-sacctmgr-version-debian-prefix.txt", true)]
    [Arguments("tests-sacctmgr-version-emulator.txt", false)]
    public async Task IsSlurmVersion_RealBinariesOnly(string fixture, bool real) =>
        await Assert.That(SlurmParser.IsSlurmVersion(Fixture.Text(fixture))).IsEqualTo(real);

    [Test]
    public async Task ParseVersion_Trimmed() => await Assert.That(SlurmParser.ParseVersion(Fixture.Text("sinfo-V-debian.txt"))).IsEqualTo("slurm-wlm 22.05.8");

    [Test]
    [Arguments("id-u-existing-user.txt", 0, true)]
    [Arguments("tests-id-u-existing-user.txt", 0, true)]
    [Arguments("id-u-missing-user.txt", 1, false)]
    public async Task Quirk_R18TypographicQuotes_IdUIsReadByTheWordsOnly(string fixture, int exitCode, bool exists) =>
        await Assert.That(SlurmParser.ParseIdUser(exitCode, Fixture.Text(fixture))).IsEqualTo(exists);

    [Test]
    public async Task ParseIdUser_OtherFailure_IsUnknown() => await Assert.That(SlurmParser.ParseIdUser(1, "id: cannot contact LDAP")).IsNull();
}
