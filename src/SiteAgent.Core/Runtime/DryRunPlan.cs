using SiteAgent.Backends.Commands;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Runtime;

/// <summary>
/// The plan printed by <c>--dry-run</c>: every backend command and every Waldur write that would have
/// been made, in order, one line each, on standard output (secrets masked).
/// </summary>
public sealed class DryRunPlan
{
    private readonly TextWriter _output;
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>Creates a plan printing to <paramref name="output"/>.</summary>
    public DryRunPlan(TextWriter output) => _output = output;

    /// <summary>Number of planned steps so far.</summary>
    public int Count => _count;

    /// <summary>Records a backend command.</summary>
    public void Command(CommandSpec command) => Write("command", command.Display);

    /// <summary>Records a Waldur write.</summary>
    public void Waldur(WaldurWritePlanEntry entry) => Write("waldur ", entry.ToString());

    private void Write(string kind, string text)
    {
        lock (_gate)
        {
            _count++;
            _output.WriteLine($"[dry-run] {kind} {SecretRedactor.Shared.Redact(text)}");
            _output.Flush();
        }
    }
}
