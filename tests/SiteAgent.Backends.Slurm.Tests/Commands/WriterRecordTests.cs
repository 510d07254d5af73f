using System.Diagnostics;
using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Commands;

/// <summary>The lock file's record of a running sacctmgr, and how a later holder recognises that very process.</summary>
public class WriterRecordTests
{
    [Test]
    public async Task Format_ThenParse_GivesTheSameRecord()
    {
        var record = new SacctmgrWriterRecord(4242, 123456789, "0c7e1d4a-5b9f-4a57-9d6b-2f0e4c1a9b33");

        await Assert.That(record.Format()).IsEqualTo("pid=4242 start=123456789 boot=0c7e1d4a-5b9f-4a57-9d6b-2f0e4c1a9b33 comm=sacctmgr\n");
        await Assert.That(SacctmgrWriterRecord.Parse(record.Format())).IsEqualTo(record);
    }

    [Test]
    [Arguments("")]
    [Arguments("  \n")]
    public async Task Parse_NoRecord_IsNull(string text) => await Assert.That(SacctmgrWriterRecord.Parse(text)).IsNull();

    [Test]
    public async Task Parse_FieldsInAnyOrder_AndUnknownFieldsIgnored() =>
        await Assert.That(SacctmgrWriterRecord.Parse("boot=b comm=sacctmgr start=99 pid=7 host=x\n")).IsEqualTo(new SacctmgrWriterRecord(7, 99, "b"));

    [Test]
    [Arguments("garbage")]
    [Arguments("pid=7 start=99")]
    [Arguments("pid=0 start=99 boot=b")]
    [Arguments("pid=-7 start=99 boot=b")]
    [Arguments("pid=7 start=ninety boot=b")]
    [Arguments("pid=7 pid=8 start=99 boot=b")]
    [Arguments("pid=7 start=99 boot=")]
    public async Task Parse_NotARecord_SaysWhatItRead(string text)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => SacctmgrWriterRecord.Parse(text));

        await Assert.That(error.Message).Contains($"'{text}' is not a sacctmgr writer record");
    }

    [Test]
    public async Task ProcessStat_CommandWithSpacesAndParentheses_EndsAtTheLastParenthesis()
    {
        const string Line = "4242 (odd) name (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10 18446744073709551615";

        var stat = ProcessStat.Parse(Line);

        await Assert.That(stat).IsEqualTo(new ProcessStat("odd) name (x)", 'S', 987654));
        await Assert.That(stat.IsAlive).IsTrue();
    }

    [Test]
    [Arguments('Z', false)]
    [Arguments('X', false)]
    [Arguments('R', true)]
    [Arguments('D', true)]
    [Arguments('T', true)]
    public async Task ProcessStat_ZombiesAndDeadProcessesAreNotAlive(char state, bool alive) =>
        await Assert.That(new ProcessStat("sacctmgr", state, 1).IsAlive).IsEqualTo(alive);

    [Test]
    [Arguments("")]
    [Arguments("4242 sacctmgr S 1")]
    [Arguments("4242 (sacctmgr) S 1 2 3")]
    public async Task ProcessStat_NotAStatLine_Throws(string line) => Assert.ThrowsExactly<FormatException>(() => ProcessStat.Parse(line));

    [Test]
    public async Task IsRunning_TheRecordedSacctmgr_TrueUntilItExits()
    {
        using var dir = new TempDirectory();
        using var writer = StandInWriter.Start(dir.Path, 30);
        var record = writer.Record();

        await Assert.That(record.IsRunning()).IsTrue();
        writer.Dispose();
        await Assert.That(record.IsRunning()).IsFalse();
    }

    [Test]
    public async Task IsRunning_SamePidButAnotherStartTime_IsAnotherProcess()
    {
        using var dir = new TempDirectory();
        using var writer = StandInWriter.Start(dir.Path, 30);
        var record = writer.Record();

        await Assert.That((record with { StartTicks = record.StartTicks - 1 }).IsRunning()).IsFalse();
        await Assert.That((record with { BootId = "another-boot" }).IsRunning()).IsFalse();
    }

    [Test]
    public async Task IsRunning_AProcessThatIsNoSacctmgr_IsNotWaitedFor()
    {
        using var sleep = Process.Start("/bin/sleep", "30");
        try
        {
            var record = SacctmgrWriterRecord.Capture(sleep.Id);

            await Assert.That(record).IsNotNull();
            await Assert.That(record.IsRunning()).IsFalse();
        }
        finally
        {
            sleep.Kill();
            sleep.WaitForExit();
        }
    }

    [Test]
    public async Task IsRunning_AZombieThatNobodyReaps_HasFinishedWriting()
    {
        using var dir = new TempDirectory();
        // The stand-in exits after 2 s under a parent (exec'd sleep) that never reaps it.
        var info = new ProcessStartInfo("/bin/bash", ["-c", "\"$0\" 2 & echo $!; exec sleep 30", StandInWriter.Link(dir.Path)]) { RedirectStandardOutput = true };
        using var parent = Process.Start(info)!;
        try
        {
            var pid = int.Parse((await parent.StandardOutput.ReadLineAsync(TestContext.Current!.Execution.CancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
            var record = SacctmgrWriterRecord.Capture(pid);
            await Assert.That(record).IsNotNull();
            await Helper.WaitUntilAsync(() => ProcessStat.Read(pid)?.State == 'Z');

            await Assert.That(record.IsRunning()).IsFalse();
        }
        finally
        {
            parent.Kill();
            await parent.WaitForExitAsync(TestContext.Current!.Execution.CancellationToken);
        }
    }

    [Test]
    public async Task Capture_AProcessThatIsGone_IsNull()
    {
        using var sleep = Process.Start("/bin/true");
        sleep.WaitForExit();

        await Assert.That(SacctmgrWriterRecord.Capture(sleep.Id)).IsNull();
    }
}
