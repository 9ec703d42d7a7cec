using System.Net;
using Databrain.Application.Common.Security;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

public abstract class AuthenticationTests(ApiFixture api) : ApiTests(api)
{
    private const string Body = """{"name":"W","connectionType":"MULTI_DATAMART"}""";

    private async Task<ApiResponse> PostWithAuthorization(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiCalls.Route) { Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await ApiResponse.ReadAsync(await Client.SendAsync(request));
    }

    [Fact]
    public async Task EveryAuthenticationFailure_GetsTheSameAnswer()
    {
        var revoked = await Api.CreateOrganizationAsync();
        await Api.ExecuteAsync("UPDATE ServiceTokens SET RevokedAt = '2026-01-01' WHERE TokenHash = @Hash", new { Hash = ServiceTokenHash.Of(revoked.Token) });
        var expired = await Api.CreateOrganizationAsync();
        await Api.ExecuteAsync("UPDATE ServiceTokens SET ExpiresAtUnixMs = @Past WHERE TokenHash = @Hash", new { Hash = ServiceTokenHash.Of(expired.Token), Past = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() });
        var valid = await Api.CreateOrganizationAsync();

        string?[] failures =
        [
            null,
            "",
            $"Basic {valid.Token}",
            "Bearer",
            "Bearer ",
            "Bearer unknown-token",
            $"Bearer {valid.Token}x",
            $"Bearer {revoked.Token}",
            $"Bearer {expired.Token}",
            valid.Token,
        ];
        foreach (var authorization in failures)
        {
            var response = await PostWithAuthorization(authorization);

            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal(
                """{"data":null,"error":{"code":"INVALID_DATA_APP_API_KEY","message":"The request needs a valid service token: Authorization: Bearer <token>."}}""",
                response.Body);
            Assert.Equal("Bearer", Assert.Single(response.Message.Headers.WwwAuthenticate).Scheme);
        }

        Assert.Empty(await Client.ListNamesAsync(valid.Token));
    }

    [Fact]
    public async Task AReadOnlyToken_Reads_ButEveryWriteGets403_BeforeItsKeyIsLookedAt()
    {
        var (org, writeToken) = await Api.CreateOrganizationWithAReadTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(writeToken, new { name = "Existing", connectionType = "MULTI_DATAMART" })).Status);
        const string Forbidden = """{"data":null,"error":{"code":"INSUFFICIENT_TOKEN_SCOPE","message":"This token can only read; use a token with the write scope."}}""";

        var writes = new[]
        {
            await Client.SendAsync(HttpMethod.Post, org.Token, body: new { name = "W", connectionType = "MULTI_DATAMART" }, headers: ("Idempotency-Key", "scoped")),
            await Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "Existing", connectionType = "MULTI_DATAMART" }),
            await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Existing"),
            await Client.SendAsync(HttpMethod.Post, org.Token, body: new { name = "" }), // broken field rules: the scope comes first
        };

        Assert.All(writes, w => Assert.Equal((HttpStatusCode.Forbidden, Forbidden), (w.Status, w.Body)));
        Assert.Equal(["Existing"], await Client.ListNamesAsync(org.Token));
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, org.Token, "?name=Existing")).Status);
        Assert.Empty(await Api.QueryAsync<long>(
            "SELECT k.Id FROM IdempotencyKeys k JOIN Organizations o ON o.Id = k.OrganizationId WHERE o.Name = @Name", new { org.Name }));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task TheSchemeWord_IsCaseInsensitive(string scheme)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await PostWithAuthorization($"{scheme} {org.Token}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task List_WithoutToken_Is401()
    {
        var response = await Client.ListWorkspacesAsync(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("INVALID_DATA_APP_API_KEY", response.ErrorCode);
    }

    [Fact]
    public async Task Tokens_AreStoredOnlyAsHashes()
    {
        var org = await Api.CreateOrganizationAsync();

        var stored = await Api.QueryAsync<string>(
            "SELECT t.TokenHash FROM ServiceTokens t JOIN Organizations o ON o.Id = t.OrganizationId WHERE o.Name = @Name", new { org.Name });

        Assert.Equal([ServiceTokenHash.Of(org.Token)], stored);
        Assert.Empty(await Api.QueryAsync<string>("SELECT TokenHash FROM ServiceTokens WHERE TokenHash = @Token", new { org.Token }));
    }
}
