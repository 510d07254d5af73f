using SiteAgent.Waldur.Emulator.State;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>username-management.md §1 and §4: the offering-user states the agent drives.</summary>
public sealed class OfferingUserStateMachineTests
{
    private const string Carol = $"/api/marketplace-offering-users/{Ids.CarolOfferingUser}/";

    private static OfferingUser Read(TestEmulator emulator) => emulator.Read(s => s.OfferingUsers.Find(Ids.CarolOfferingUser)!);

    [Fact]
    public async Task Requested_BeginCreatingThenUsername_BecomesOk()
    {
        await using var emulator = await TestEmulator.StartAsync();

        Assert.Equal(200, (await emulator.PostAsync(Carol + "begin_creating/", null)).Status);
        Assert.Equal(OfferingUserStates.Creating, Read(emulator).State);
        var (status, body, _) = await emulator.SendAsync("PATCH", Carol, """{"username": "carol"}""");

        Assert.Equal(200, status);
        Assert.Equal(("OK", "carol"), (body!["state"]!.GetValue<string>(), body["username"]!.GetValue<string>()));
        emulator.AssertNoViolations();
    }

    [Fact]
    public async Task PendingAccountLinking_ValidationComplete_ClearsComments()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.PostAsync(Carol + "begin_creating/", null);

        await emulator.PostAsync(Carol + "set_pending_account_linking/", """{"comment": "Link your account", "comment_url": "https://idp.example.org/link"}""");
        Assert.Equal((OfferingUserStates.PendingAccountLinking, "Link your account"), (Read(emulator).State, Read(emulator).ServiceProviderComment));
        await emulator.PostAsync(Carol + "set_validation_complete/", null);

        var user = Read(emulator);
        Assert.Equal((OfferingUserStates.Ok, "", ""), (user.State, user.ServiceProviderComment, user.ServiceProviderCommentUrl));
    }

    [Fact]
    public async Task ErrorCreating_CanBeginCreatingAgain()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.PostAsync(Carol + "set_error_creating/", null);
        Assert.Equal(OfferingUserStates.ErrorCreating, Read(emulator).State);
        await emulator.PostAsync(Carol + "begin_creating/", null);

        Assert.Equal(OfferingUserStates.Creating, Read(emulator).State);
    }

    [Theory]
    [InlineData("set_validation_complete")]
    [InlineData("set_pending_account_linking")]
    public async Task InvalidTransition_FromRequested_Answers409AndKeepsState(string action)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (status, body, _) = await emulator.PostAsync(Carol + action + "/", action == "set_validation_complete" ? null : "{}");

        Assert.Equal(409, status);
        Assert.StartsWith("Valid states for operation: ", body!["detail"]!.GetValue<string>());
        Assert.Equal(OfferingUserStates.Requested, Read(emulator).State);
    }

    [Fact]
    public async Task BeginCreating_OnOkUser_Answers409()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var alice = emulator.Read(s => s.OfferingUsers.First(u => u.User.Uuid == Ids.Alice).Uuid);

        Assert.Equal(409, (await emulator.PostAsync($"/api/marketplace-offering-users/{alice}/begin_creating/", null)).Status);
    }

    [Fact]
    public async Task List_FiltersByRepeatedState()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var (_, body, _) = await emulator.GetAsync($"/api/marketplace-offering-users/?offering_uuid={Ids.Offering}&state=Requested&state=Creating");

        Assert.Equal(Ids.CarolOfferingUser, Assert.Single(body!.AsArray())!["uuid"]!.GetValue<string>());
    }
}
