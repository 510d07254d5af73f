using System.Diagnostics;
using SiteAgent.Backends.Slurm.Tests.Support;

namespace SiteAgent.Backends.Slurm.Tests.Commands;

/// <summary>The lock file's record of a running sacctmgr, and how a later holder recognises that very process.</summary>
public class WriterRecordTests
{
    [Fact]
    public void Format_ThenParse_GivesTheSameRecord()
    {
        var record = new SacctmgrWriterRecord(4242, 123456789, "0c7e1d4a-5b9f-4a57-9d6b-2f0e4c1a9b33");

        Assert.Equal("pid=4242 start=123456789 boot=0c7e1d4a-5b9f-4a57-9d6b-2f0e4c1a9b33 comm=sacctmgr\n", record.Format());
        Assert.Equal(record, SacctmgrWriterRecord.Parse(record.Format()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public void Parse_NoRecord_IsNull(string text) => Assert.Null(SacctmgrWriterRecord.Parse(text));

    [Fact]
    public void Parse_FieldsInAnyOrder_AndUnknownFieldsIgnored() =>
        Assert.Equal(new SacctmgrWriterRecord(7, 99, "b"), SacctmgrWriterRecord.Parse("boot=b comm=sacctmgr start=99 pid=7 host=x\n"));

    [Theory]
    [InlineData("garbage")]
    [InlineData("pid=7 start=99")]
    [InlineData("pid=0 start=99 boot=b")]
    [InlineData("pid=-7 start=99 boot=b")]
    [InlineData("pid=7 start=ninety boot=b")]
    [InlineData("pid=7 pid=8 start=99 boot=b")]
    [InlineData("pid=7 start=99 boot=")]
    public void Parse_NotARecord_SaysWhatItRead(string text)
    {
        var error = Assert.Throws<FormatException>(() => SacctmgrWriterRecord.Parse(text));

        Assert.Contains($"'{text}' is not a sacctmgr writer record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessStat_CommandWithSpacesAndParentheses_EndsAtTheLastParenthesis()
    {
        const string Line = "4242 (odd) name (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10 18446744073709551615";

        var stat = ProcessStat.Parse(Line);

        Assert.Equal(new ProcessStat("odd) name (x)", 'S', 987654), stat);
        Assert.True(stat.IsAlive);
    }

    [Theory]
    [InlineData('Z', false)]
    [InlineData('X', false)]
    [InlineData('R', true)]
    [InlineData('D', true)]
    [InlineData('T', true)]
    public void ProcessStat_ZombiesAndDeadProcessesAreNotAlive(char state, bool alive) =>
        Assert.Equal(alive, new ProcessStat("sacctmgr", state, 1).IsAlive);

    [Theory]
    [InlineData("")]
    [InlineData("4242 sacctmgr S 1")]
    [InlineData("4242 (sacctmgr) S 1 2 3")]
    public void ProcessStat_NotAStatLine_Throws(string line) => Assert.Throws<FormatException>(() => ProcessStat.Parse(line));

    [Fact]
    public void IsRunning_TheRecordedSacctmgr_TrueUntilItExits()
    {
        using var dir = new TempDirectory();
        using var writer = StandInWriter.Start(dir.Path, 30);
        var record = writer.Record();

        Assert.True(record.IsRunning());
        writer.Dispose();
        Assert.False(record.IsRunning());
    }

    [Fact]
    public void IsRunning_SamePidButAnotherStartTime_IsAnotherProcess()
    {
        using var dir = new TempDirectory();
        using var writer = StandInWriter.Start(dir.Path, 30);
        var record = writer.Record();

        Assert.False((record with { StartTicks = record.StartTicks - 1 }).IsRunning());
        Assert.False((record with { BootId = "another-boot" }).IsRunning());
    }

    [Fact]
    public void IsRunning_AProcessThatIsNoSacctmgr_IsNotWaitedFor()
    {
        using var sleep = Process.Start("/bin/sleep", "30");
        try
        {
            var record = SacctmgrWriterRecord.Capture(sleep.Id);

            Assert.NotNull(record);
            Assert.False(record.IsRunning());
        }
        finally
        {
            sleep.Kill();
            sleep.WaitForExit();
        }
    }

    [Fact]
    public async Task IsRunning_AZombieThatNobodyReaps_HasFinishedWriting()
    {
        using var dir = new TempDirectory();
        // The stand-in exits after 2 s under a parent (exec'd sleep) that never reaps it.
        var info = new ProcessStartInfo("/bin/bash", ["-c", "\"$0\" 2 & echo $!; exec sleep 30", StandInWriter.Link(dir.Path)]) { RedirectStandardOutput = true };
        using var parent = Process.Start(info)!;
        try
        {
            var pid = int.Parse((await parent.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
            var record = SacctmgrWriterRecord.Capture(pid);
            Assert.NotNull(record);
            await Helper.WaitUntilAsync(() => ProcessStat.Read(pid)?.State == 'Z');

            Assert.False(record.IsRunning());
        }
        finally
        {
            parent.Kill();
            await parent.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public void Capture_AProcessThatIsGone_IsNull()
    {
        using var sleep = Process.Start("/bin/true");
        sleep.WaitForExit();

        Assert.Null(SacctmgrWriterRecord.Capture(sleep.Id));
    }
}
