using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>The offering-user states the agent drives.</summary>
public sealed class OfferingUserStateMachineTests
{
    private const string Carol = $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/";

    private static OfferingUser Read(TestEmulator emulator) => emulator.Read(s => s.OfferingUsers.Find(Ids.CarolOfferingUser)!);

    [Test]
    public async Task Requested_BeginCreatingThenUsername_BecomesOk()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await Assert.That((await emulator.PostAsync(Carol + "begin_creating/", null)).Status).IsEqualTo(200);
        await Assert.That(Read(emulator).State).IsEqualTo(OfferingUserStates.Creating);
        var (status, body, _) = await emulator.SendAsync("PATCH", Carol, """{"username": "carol"}""");

        await Assert.That(status).IsEqualTo(200);
        await Assert.That((body!["state"]!.GetValue<string>(), body["username"]!.GetValue<string>())).IsEqualTo(("OK", "carol"));
        emulator.AssertNoViolations();
    }

    [Test]
    public async Task PendingAccountLinking_ValidationComplete_ClearsComments()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.PostAsync(Carol + "begin_creating/", null);

        await emulator.PostAsync(Carol + "set_pending_account_linking/", """{"comment": "Link your account", "comment_url": "https://idp.example.org/link"}""");
        await Assert.That((Read(emulator).State, Read(emulator).ServiceProviderComment)).IsEqualTo((OfferingUserStates.PendingAccountLinking, "Link your account"));
        await emulator.PostAsync(Carol + "set_validation_complete/", null);

        var user = Read(emulator);
        await Assert.That((user.State, user.ServiceProviderComment, user.ServiceProviderCommentUrl)).IsEqualTo((OfferingUserStates.Ok, "", ""));
    }

    [Test]
    public async Task ErrorCreating_CanBeginCreatingAgain()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.PostAsync(Carol + "set_error_creating/", null);
        await Assert.That(Read(emulator).State).IsEqualTo(OfferingUserStates.ErrorCreating);
        await emulator.PostAsync(Carol + "begin_creating/", null);

        await Assert.That(Read(emulator).State).IsEqualTo(OfferingUserStates.Creating);
    }

    [Test]
    [Arguments("set_validation_complete")]
    [Arguments("set_pending_account_linking")]
    public async Task InvalidTransition_FromRequested_Answers409AndKeepsState(string action)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (status, body, _) = await emulator.PostAsync(Carol + action + "/", action == "set_validation_complete" ? null : "{}");

        await Assert.That(status).IsEqualTo(409);
        await Assert.That(body!["detail"]!.GetValue<string>()).StartsWith("Valid states for operation: ");
        await Assert.That(Read(emulator).State).IsEqualTo(OfferingUserStates.Requested);
    }

    [Test]
    public async Task BeginCreating_OnOkUser_Answers409()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var alice = emulator.Read(s => s.OfferingUsers.First(u => u.User.Uuid == Ids.Alice).Uuid);

        await Assert.That((await emulator.PostAsync($"/api/marketplace-offering-users/{alice}/begin_creating/", null)).Status).IsEqualTo(409);
    }

    [Test]
    public async Task List_FiltersByRepeatedState()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (_, body, _) = await emulator.GetAsync($"/api/marketplace-offering-users/?offering_uuid={Ids.Offering}&state=Requested&state=Creating");

        await Assert.That((await Assert.That(body!.AsArray()).HasSingleItem())!["uuid"]!.GetValue<string>()).IsEqualTo(Ids.CarolOfferingUser);
    }
}
