using SiteAgent.Waldur.Integration.Tests.Infrastructure;

namespace SiteAgent.Waldur.Integration.Tests.Operations;

/// <summary>
/// One operation of operations.md exercised through its real <see cref="WaldurClient"/> method:
/// <paramref name="Run"/> arranges the emulator's state if needed, calls the method (only that
/// operation) and asserts what the client decoded and what changed in the emulator.
/// </summary>
/// <param name="OperationId">The operationId the call must reach.</param>
/// <param name="Run">Arrange, call, assert.</param>
internal sealed record ClientCase(string OperationId, Func<EmulatedWaldur, Task> Run)
{
    public override string ToString() => OperationId;
}
