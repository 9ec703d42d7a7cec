using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>Retry-safe writes with Idempotency-Key (docs/api.md, "Retry-safe writes: Idempotency-Key"), on every provider.</summary>
public abstract class IdempotencyTests(ApiFixture api) : ApiTests(api)
{
    private const string Key = "Idempotency-Key";

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private Task<ApiResponse> Post(string token, object body, string key) => Client.SendAsync(HttpMethod.Post, token, body: body, headers: (Key, key));

    private static bool IsReplayed(ApiResponse response) =>
        response.Message.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    private async Task<long> CountAsync(TestOrganization org, string name) =>
        (await Api.QueryAsync<long>(
            "SELECT COUNT(*) FROM Workspaces w JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Org AND w.Name = @Name",
            new { Org = org.Name, Name = name })).Single();

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("del\u007f")]
    [InlineData("tab\tinside")]
    public async Task AnInvalidKey_Answers400_NamingTheHeader_BeforeAuthentication(string key)
    {
        var response = await Client.SendAsync(HttpMethod.Post, "wrong-token", body: new { name = "W", connectionType = "MULTI_DATAMART" }, headers: (Key, key));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([(Key, "must be one header of 1 to 255 visible ASCII characters (0x21 to 0x7E)")], response.Details);
    }

    [Fact]
    public async Task TheSameKeyAndBody_WithAnotherIfMatch_IsAnotherRequest_Answered422()
    {
        var org = await Api.CreateOrganizationAsync();
        var created = await Client.CreateWorkspaceAsync(org.Token, new { name = "Conditional", connectionType = "MULTI_DATAMART" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var body = new { name = "Conditional", connectionType = "DATAMART", datamartName = "sales-mart" };
        var key = NewKey();

        var stale = await Client.SendAsync(HttpMethod.Put, org.Token, body: body, headers: [(Key, key), ("If-Match", "\"7\"")]);
        var current = await Client.SendAsync(HttpMethod.Put, org.Token, body: body, headers: [(Key, key), ("If-Match", created.ETag()!)]);
        var unconditional = await Client.SendAsync(HttpMethod.Put, org.Token, body: body, headers: (Key, key));
        var again = await Client.SendAsync(HttpMethod.Put, org.Token, body: body, headers: [(Key, key), ("If-Match", "\"7\"")]);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(("IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_KEY_REUSED"), (current.ErrorCode, unconditional.ErrorCode));
        Assert.Equal((HttpStatusCode.PreconditionFailed, true), (again.Status, IsReplayed(again)));
        Assert.Equal(1, (await Client.SendAsync(HttpMethod.Get, org.Token, "?name=Conditional")).Data.GetProperty("version").GetInt64());
    }

    /// <summary>Twenty unknown Copilot LLM names of 100 characters make a message of over 2,000 characters, which is stored with the key and replayed whole.</summary>
    [Fact]
    public async Task ALongStoredErrorMessage_IsStoredWithItsKey_AndReplayedWhole()
    {
        var org = await Api.CreateOrganizationAsync();
        var unknown = Enumerable.Range(0, 20).Select(i => $"{i:D2}{new string('x', 98)}").ToArray();
        var body = new { name = "W", connectionType = "MULTI_DATAMART", aiCopilotLlms = unknown };
        var key = NewKey();

        var first = await Post(org.Token, body, key);
        var replayed = await Post(org.Token, body, key);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_AI_COPILOT_LLMS"), (first.Status, first.ErrorCode));
        Assert.True(first.ErrorMessage!.Length > 2000, $"the message has {first.ErrorMessage.Length} characters");
        Assert.True(IsReplayed(replayed));
        Assert.Equal(first.Body, replayed.Body);
    }

    [Fact]
    public async Task AKeyOf256Characters_OrTwoKeys_Answer400_AndOf255_IsFine()
    {
        var org = await Api.CreateOrganizationAsync();
        var body = new { name = "W", connectionType = "MULTI_DATAMART" };

        var tooLong = await Post(org.Token, body, new string('k', 256));
        var two = await Client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: [(Key, "a"), (Key, "b")]);
        var longest = await Post(org.Token, body, new string('k', 255));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(HttpStatusCode.BadRequest, two.Status);
        Assert.Equal(HttpStatusCode.OK, longest.Status);
    }

    [Fact]
    public async Task ARetriedCreate_IsAnsweredAgain_WithTheSameStatusBodyAndETag_AndMarkedReplayed()
    {
        var org = await Api.CreateOrganizationAsync();
        var key = NewKey();

        var first = await Client.SendAsync(HttpMethod.Post, org.Token, body: """{"name":"Sales","connectionType":"MULTI_DATAMART","aiCopilotLlms":["gpt-4o"]}""", headers: (Key, key));
        var retry = await Client.SendAsync(HttpMethod.Post, org.Token, body: """ { "aiCopilotLlms" : [ "gpt-4o" ], "connectionType":"MULTI_DATAMART", "name":"Sales" } """, headers: (Key, key));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(IsReplayed(first));
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.True(IsReplayed(retry));
        Assert.Equal(first.Body, retry.Body);
        Assert.Matches("^\"[!#-~]+\"$", first.ETag());
        Assert.Equal(first.ETag(), retry.ETag());
        Assert.Equal(1, await CountAsync(org, "Sales"));
    }

    [Fact]
    public async Task TheSameKey_WithADifferentRequest_Answers422()
    {
        var org = await Api.CreateOrganizationAsync();
        var key = NewKey();
        await Post(org.Token, new { name = "A", connectionType = "MULTI_DATAMART" }, key);

        var otherBody = await Post(org.Token, new { name = "B", connectionType = "MULTI_DATAMART" }, key);
        var otherMethod = await Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "A", connectionType = "MULTI_DATAMART" }, headers: (Key, key));
        var otherQuery = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=A", headers: (Key, key));
        var invalidBody = await Post(org.Token, new { name = " A", connectionType = "MULTI_DATAMART" }, key);

        Assert.All([otherBody, otherMethod, otherQuery, invalidBody], r =>
        {
            Assert.Equal((HttpStatusCode)422, r.Status);
            Assert.Equal("IDEMPOTENCY_KEY_REUSED", r.ErrorCode);
        });
        Assert.Equal(0, await CountAsync(org, "B"));
        Assert.Equal(1, await CountAsync(org, "A"));
    }

    [Fact]
    public async Task AKey_BelongsToItsOrganization()
    {
        var first = await Api.CreateOrganizationAsync();
        var second = await Api.CreateOrganizationAsync();
        var key = NewKey();

        var mine = await Post(first.Token, new { name = "Shared", connectionType = "MULTI_DATAMART" }, key);
        var theirs = await Post(second.Token, new { name = "Other", connectionType = "MULTI_DATAMART" }, key);

        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.False(IsReplayed(theirs));
    }

    [Fact]
    public async Task ABusinessRejection_IsRemembered_AndReplayedEvenAfterTheCauseIsGone()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Taken", connectionType = "MULTI_DATAMART" });
        var key = NewKey();

        var first = await Post(org.Token, new { name = "Taken", connectionType = "MULTI_DATAMART" }, key);
        await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Taken");
        var retry = await Post(org.Token, new { name = "Taken", connectionType = "MULTI_DATAMART" }, key);

        Assert.Equal("WORKSPACE_NAME_ALREADY_EXISTS", first.ErrorCode);
        Assert.Equal(first.Body, retry.Body);
        Assert.True(IsReplayed(retry));
        Assert.Equal(0, await CountAsync(org, "Taken"));
    }

    [Fact]
    public async Task AnswersThatMeanNothingHappened_AreNotRemembered_SoTheClientMayCorrectAndResend()
    {
        var org = await Api.CreateOrganizationAsync();
        var key = NewKey();
        var body = new { name = "Fixed", connectionType = "MULTI_DATAMART" };

        var unauthenticated = await Post("wrong-token", body, key);
        var brokenRule = await Post(org.Token, new { name = "Fixed", connectionType = "DATASOURCE" }, key);
        var corrected = await Post(org.Token, body, key);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
        Assert.Equal("INVALID_REQUEST_BODY", brokenRule.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, corrected.Status);
        Assert.False(IsReplayed(corrected));
    }

    [Fact]
    public async Task ARetriedUpdate_AddsOneToTheVersionOnce_AndARetriedDelete_Answers200()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "W", connectionType = "MULTI_DATAMART" });
        var update = NewKey();
        var delete = NewKey();

        var updated = await Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "W", connectionType = "MULTI_DATASOURCE" }, headers: (Key, update));
        var updatedAgain = await Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "W", connectionType = "MULTI_DATASOURCE" }, headers: (Key, update));
        var deleted = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=W", headers: (Key, delete));
        var deletedAgain = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=W", headers: (Key, delete));

        Assert.Equal(2, updated.Data.GetProperty("version").GetInt64());
        Assert.Equal(updated.ETag(), updatedAgain.ETag());
        Assert.Equal(updated.Body, updatedAgain.Body);
        Assert.True(IsReplayed(updatedAgain));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(HttpStatusCode.OK, deletedAgain.Status);
        Assert.Equal(deleted.Body, deletedAgain.Body);
    }

    [Fact]
    public async Task ThirtyTwoParallelIdenticalCreates_MakeOneWorkspace_AndAreAllAnswered200()
    {
        var org = await Api.CreateOrganizationAsync();
        var key = NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ =>
            Post(org.Token, new { name = "Once", connectionType = "DATASOURCE", datasourceName = "postgres-main", aiCopilotLlms = new[] { "gpt-4o", "llama-3" } }, key)));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK || a.ErrorCode == "IDEMPOTENCY_KEY_IN_USE", $"{a.Status} {a.Body}"));
        Assert.Equal(1, await CountAsync(org, "Once"));
        Assert.Equal(2, (await Client.SendAsync(HttpMethod.Get, org.Token, "?name=Once")).Data.GetProperty("aiCopilotLlms").GetArrayLength());
    }

    [Fact]
    public async Task ThirtyTwoParallelIdenticalUpdates_UpdateOnce_AndDeletesDeleteOnce()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "U", connectionType = "MULTI_DATAMART" });
        var update = NewKey();
        var delete = NewKey();

        var updates = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ =>
            Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "U", connectionType = "MULTI_DATASOURCE", aiCopilotLlms = new[] { "claude-sonnet" } }, headers: (Key, update))));
        var version = (await Client.SendAsync(HttpMethod.Get, org.Token, "?name=U")).Data.GetProperty("version").GetInt64();
        var deletes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Client.SendAsync(HttpMethod.Delete, org.Token, "?name=U", headers: (Key, delete))));

        Assert.All(updates.Concat(deletes), a => Assert.True(a.Status == HttpStatusCode.OK || a.ErrorCode == "IDEMPOTENCY_KEY_IN_USE", $"{a.Status} {a.Body}"));
        Assert.Equal(2, version);
        Assert.Equal(0, await CountAsync(org, "U"));
    }
}
