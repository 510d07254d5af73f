using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class WriteOutcomeTests
{
    [Test]
    [Arguments("sacctmgr-add-account-created.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-add-account-allocation-created.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-add-account-already-exists.txt", 1, SacctmgrOutcome.NothingAdded)]
    [Arguments("sacctmgr-add-account-missing-parent.txt", 1, SacctmgrOutcome.Failed)]
    [Arguments("sacctmgr-add-account-42-char-prefix-collision.txt", 1, SacctmgrOutcome.Failed)]
    [Arguments("sacctmgr-add-user-existing-user.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-add-user-qoslevel.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-add-qos-with-flags.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-modify-account-grptresmins.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-modify-account-grptresmins-same-value.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-modify-account-rawusage.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-modify-account-missing.txt", 1, SacctmgrOutcome.NothingModified)]
    [Arguments("sacctmgr-modify-account-parent-nothing-modified.txt", 1, SacctmgrOutcome.NothingModified)]
    [Arguments("sacctmgr-modify-user-nothing-modified.txt", 1, SacctmgrOutcome.NothingModified)]
    [Arguments("tests-sacctmgr-modify-nothing-modified-error.txt", 1, SacctmgrOutcome.NothingModified)]
    [Arguments("tests-sacctmgr-modify-real-error.txt", 1, SacctmgrOutcome.Failed)]
    [Arguments("sacctmgr-modify-account-parent-missing.txt", 1, SacctmgrOutcome.Failed)]
    [Arguments("sacctmgr-modify-account-qos-unknown.txt", 1, SacctmgrOutcome.Failed)]
    [Arguments("sacctmgr-modify-account-qos-default-qos-conflict.txt", 0, SacctmgrOutcome.DefaultQosConflict)]
    [Arguments("sacctmgr-remove-account-nothing-deleted.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [Arguments("sacctmgr-remove-user-nothing-deleted.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [Arguments("sacctmgr-remove-user-all-none-present.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [Arguments("sacctmgr-remove-qos-missing.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [Arguments("sacctmgr-remove-account-active-jobs.txt", 1, SacctmgrOutcome.JobsActive)]
    [Arguments("sacctmgr-remove-user-active-jobs.txt", 1, SacctmgrOutcome.JobsActive)]
    [Arguments("sacctmgr-remove-qos-in-use-as-default.txt", 1, SacctmgrOutcome.Failed)]
    [Arguments("sacctmgr-remove-account-cluster-scoped.txt", 0, SacctmgrOutcome.Success)]
    [Arguments("sacctmgr-remove-user-association.txt", 0, SacctmgrOutcome.Success)]
    public async Task ClassifyWrite_CapturedAnswers(string fixture, int exitCode, SacctmgrOutcome expected) =>
        await Assert.That(SlurmParser.ClassifyWrite(exitCode, Fixture.Text(fixture))).IsEqualTo(expected);

    [Test]
    [Arguments("sacctmgr-add-account-missing-parent.txt", true)]
    [Arguments("sacctmgr-modify-account-parent-missing.txt", true)]
    [Arguments("sacctmgr-add-account-42-char-prefix-collision.txt", false)]
    [Arguments("sacctmgr-add-account-already-exists.txt", false)]
    [Arguments("sacctmgr-modify-account-qos-unknown.txt", false)]
    public async Task IsParentMissing_CapturedAnswers(string fixture, bool expected) =>
        await Assert.That(SlurmParser.IsParentMissing(Fixture.Text(fixture))).IsEqualTo(expected);
}
