using SiteAgent.Core.Operator;

namespace SiteAgent.Core.Tests.Operator;

/// <summary>The resumable state of <c>load-historical-usage</c>.</summary>
public sealed class BackfillStateTests
{
    private static readonly Guid Offering = Guid.Parse("0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f01");

    [Test]
    public async Task WrittenAndRead_KeepsTheReconcileChoice_AndARunWithAnotherChoiceIsAnotherRun()
    {
        var path = Path.Combine(Path.GetTempPath(), "backfill-" + Guid.NewGuid().ToString("N") + ".state");
        try
        {
            new BackfillState(Offering, "2026-01-01", "2026-03-31", "2026-02", ReconcileStale: false).Write(path);

            var read = BackfillState.Read(path)!;

            await Assert.That(read).IsEqualTo(new BackfillState(Offering, "2026-01-01", "2026-03-31", "2026-02", ReconcileStale: false));
            await Assert.That(read.SameRun(Offering, "2026-01-01", "2026-03-31", reconcileStale: false)).IsTrue();
            // Months completed without zeroing stale records are not done for a run that must zero them.
            await Assert.That(read.SameRun(Offering, "2026-01-01", "2026-03-31", reconcileStale: true)).IsFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task StateFileWithoutTheReconcileKey_IsARunWithoutReconciliation()
    {
        var path = Path.Combine(Path.GetTempPath(), "backfill-" + Guid.NewGuid().ToString("N") + ".state");
        try
        {
            File.WriteAllText(path, $$"""{"offering_uuid": "{{Offering:N}}", "start": "2026-01-01", "end": "2026-03-31", "last_completed_month": "2026-01"}""");

            var read = BackfillState.Read(path)!;

            await Assert.That(read.ReconcileStale).IsFalse();
            await Assert.That(read.LastCompleted).IsEqualTo("2026-01");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
