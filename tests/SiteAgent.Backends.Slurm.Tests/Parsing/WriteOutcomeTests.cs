using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Parsing;

public class WriteOutcomeTests
{
    [Theory]
    [InlineData("sacctmgr-add-account-created.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-add-account-allocation-created.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-add-account-already-exists.txt", 1, SacctmgrOutcome.NothingAdded)]
    [InlineData("sacctmgr-add-account-missing-parent.txt", 1, SacctmgrOutcome.Failed)]
    [InlineData("sacctmgr-add-account-42-char-prefix-collision.txt", 1, SacctmgrOutcome.Failed)]
    [InlineData("sacctmgr-add-user-existing-user.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-add-user-qoslevel.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-add-qos-with-flags.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-modify-account-grptresmins.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-modify-account-grptresmins-same-value.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-modify-account-rawusage.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-modify-account-missing.txt", 1, SacctmgrOutcome.NothingModified)]
    [InlineData("sacctmgr-modify-account-parent-nothing-modified.txt", 1, SacctmgrOutcome.NothingModified)]
    [InlineData("sacctmgr-modify-user-nothing-modified.txt", 1, SacctmgrOutcome.NothingModified)]
    [InlineData("tests-sacctmgr-modify-nothing-modified-error.txt", 1, SacctmgrOutcome.NothingModified)]
    [InlineData("tests-sacctmgr-modify-real-error.txt", 1, SacctmgrOutcome.Failed)]
    [InlineData("sacctmgr-modify-account-parent-missing.txt", 1, SacctmgrOutcome.Failed)]
    [InlineData("sacctmgr-modify-account-qos-unknown.txt", 1, SacctmgrOutcome.Failed)]
    [InlineData("sacctmgr-modify-account-qos-default-qos-conflict.txt", 0, SacctmgrOutcome.DefaultQosConflict)]
    [InlineData("sacctmgr-remove-account-nothing-deleted.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [InlineData("sacctmgr-remove-user-nothing-deleted.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [InlineData("sacctmgr-remove-user-all-none-present.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [InlineData("sacctmgr-remove-qos-missing.txt", 1, SacctmgrOutcome.NothingDeleted)]
    [InlineData("sacctmgr-remove-account-active-jobs.txt", 1, SacctmgrOutcome.JobsActive)]
    [InlineData("sacctmgr-remove-user-active-jobs.txt", 1, SacctmgrOutcome.JobsActive)]
    [InlineData("sacctmgr-remove-qos-in-use-as-default.txt", 1, SacctmgrOutcome.Failed)]
    [InlineData("sacctmgr-remove-account-cluster-scoped.txt", 0, SacctmgrOutcome.Success)]
    [InlineData("sacctmgr-remove-user-association.txt", 0, SacctmgrOutcome.Success)]
    public void ClassifyWrite_CapturedAnswers(string fixture, int exitCode, SacctmgrOutcome expected) =>
        Assert.Equal(expected, SlurmParser.ClassifyWrite(exitCode, Fixture.Text(fixture)));

    [Theory]
    [InlineData("sacctmgr-add-account-missing-parent.txt", true)]
    [InlineData("sacctmgr-modify-account-parent-missing.txt", true)]
    [InlineData("sacctmgr-add-account-42-char-prefix-collision.txt", false)]
    [InlineData("sacctmgr-add-account-already-exists.txt", false)]
    [InlineData("sacctmgr-modify-account-qos-unknown.txt", false)]
    public void IsParentMissing_CapturedAnswers(string fixture, bool expected) =>
        Assert.Equal(expected, SlurmParser.IsParentMissing(Fixture.Text(fixture)));
}
