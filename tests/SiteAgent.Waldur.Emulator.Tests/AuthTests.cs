using System.Net.Http.Headers;

namespace SiteAgent.Waldur.Emulator.Tests;

/// <summary>Static tokens (DRF TokenAuthentication) and the OIDC client-credentials endpoint.</summary>
public sealed class AuthTests
{
    private static async Task<(int Status, string? Detail)> GetMeAsync(TestEmulator emulator, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me/");
        request.Headers.Authorization = auth;
        using var client = new HttpClient { BaseAddress = new Uri(emulator.Host.BaseUrl) };
        var response = await client.SendAsync(request, TestContext.Current!.Execution.CancellationToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current!.Execution.CancellationToken));
        return ((int)response.StatusCode, body?["detail"]?.GetValue<string>());
    }

    [Test]
    public async Task NoAuthorization_Answers401WithDrfDetail()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        await Assert.That(await GetMeAsync(emulator, null)).IsEqualTo((401, "Authentication credentials were not provided."));
    }

    [Test]
    public async Task UnknownToken_Answers401InvalidToken()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        await Assert.That(await GetMeAsync(emulator, new AuthenticationHeaderValue("Token", "nope"))).IsEqualTo((401, "Invalid token."));
    }

    [Test]
    public async Task ConfiguredOptionToken_ActsAsTheTokenUser()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        await Assert.That((await GetMeAsync(emulator, new AuthenticationHeaderValue("Token", "emulator-token"))).Status).IsEqualTo(200);
    }

    [Test]
    public async Task StaticTokenAsBearer_IsRejected()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false);

        await Assert.That((await GetMeAsync(emulator, new AuthenticationHeaderValue("Bearer", Ids.Token))).Status).IsEqualTo(401);
    }

    [Test]
    public async Task OidcClientCredentials_IssuesBearerTokenThatExpires()
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false, new EmulatorOptions { Oidc = new OidcOptions("agent", "s3cret", 120) });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "agent", ["client_secret"] = "s3cret",
        });

        var response = await emulator.Client.PostAsync("/oidc/token", form, TestContext.Current!.Execution.CancellationToken);
        var token = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current!.Execution.CancellationToken))!;
        var bearer = new AuthenticationHeaderValue("Bearer", token["access_token"]!.GetValue<string>());

        await Assert.That(token["expires_in"]!.GetValue<int>()).IsEqualTo(120);
        await Assert.That((await GetMeAsync(emulator, bearer)).Status).IsEqualTo(200);
        emulator.Host.ExpireOidcTokens();
        await Assert.That(await GetMeAsync(emulator, bearer)).IsEqualTo((401, "Token has expired."));
    }

    [Test]
    [Arguments("client_credentials", "wrong", 401, "invalid_client")]
    [Arguments("password", "s3cret", 400, "unsupported_grant_type")]
    public async Task OidcBadRequest_AnswersOAuthError(string grant, string secret, int status, string error)
    {
        await using var emulator = await TestEmulator.StartAsync(extras: false, new EmulatorOptions { Oidc = new OidcOptions("agent", "s3cret") });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grant, ["client_id"] = "agent", ["client_secret"] = secret,
        });

        var response = await emulator.Client.PostAsync("/oidc/token", form, TestContext.Current!.Execution.CancellationToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current!.Execution.CancellationToken))!;

        await Assert.That(((int)response.StatusCode, body["error"]!.GetValue<string>())).IsEqualTo((status, error));
    }
}
