using System.Net;
using System.Text.Json;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>Read one (docs/api.md, "GET /api/v2/workspace?name=…"), update (4c) and versions with ETag / If-Match (4e).</summary>
public abstract class UpdateAndReadWorkspaceTests(ApiFixture api) : ApiTests(api)
{
    private static readonly object Revenue = new
    {
        name = "Revenue",
        connectionType = "DATAMART",
        datamartName = "sales-mart",
        llmName = "gpt-4o",
        aiCopilotLlms = new[] { "llama-3", "gpt-4o", "claude-sonnet" },
        isEnableMetricSuggestions = true,
        isEnableMetricSummary = true,
        summaryType = "custom",
        customSummaryPrompt = "Summarise the week.",
        themeName = "dark",
    };

    private Task<ApiResponse> Read(string token, string query) => Client.SendAsync(HttpMethod.Get, token, query);

    private Task<ApiResponse> Update(string? token, object body, params (string, string)[] headers) => Client.SendAsync(HttpMethod.Put, token, body: body, headers: headers);

    private async Task<TestOrganization> WithRevenueAsync()
    {
        var org = await Api.CreateOrganizationAsync();
        var created = await Client.CreateWorkspaceAsync(org.Token, Revenue);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Matches("^\"[!#-~]+\"$", created.ETag());
        return org;
    }

    /// <summary>The ETag of the workspace as it is now.</summary>
    private async Task<string> TagAsync(string token, string name = "Revenue") => (await Read(token, $"?name={name}")).ETag()!;

    [Fact]
    public async Task Read_AnswersTheWholeWorkspace_CopilotLlmsInTheirOrder_WithItsVersionAsETag()
    {
        var org = await Api.CreateOrganizationAsync();
        var created = await Client.CreateWorkspaceAsync(org.Token, Revenue);

        var response = await Read(org.Token, "?name=Revenue");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(created.ETag(), response.ETag());
        var data = response.Data;
        Assert.Equal(
            ["id", "name", "connectionType", "datasourceName", "datamartName", "llmName", "aiCopilotLlms", "isEnableMetricSuggestions", "isEnableMetricSummary",
             "summaryType", "customSummaryPrompt", "themeName", "version", "createdAt", "updatedAt"],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, Guid.ParseExact(data.GetProperty("id").GetString()!, "D").Version);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("datasourceName").ValueKind);
        Assert.Equal("sales-mart", data.GetProperty("datamartName").GetString());
        Assert.Equal(["llama-3", "gpt-4o", "claude-sonnet"], data.GetProperty("aiCopilotLlms").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("custom", data.GetProperty("summaryType").GetString());
        Assert.Equal("dark", data.GetProperty("themeName").GetString());
        Assert.Equal(1, data.GetProperty("version").GetInt64());
        var createdAt = data.GetProperty("createdAt").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", createdAt);
        Assert.Equal(createdAt, data.GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task Read_AWorkspaceWithNothingOptional_HasEveryPropertyNullOrEmpty()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Bare", connectionType = "MULTI_DATASOURCE" });

        var data = (await Read(org.Token, "?name=Bare")).Data;

        Assert.Empty(data.GetProperty("aiCopilotLlms").EnumerateArray());
        Assert.All(new[] { "datasourceName", "datamartName", "llmName", "summaryType", "customSummaryPrompt", "themeName" }, p => Assert.Equal(JsonValueKind.Null, data.GetProperty(p).ValueKind));
        Assert.False(data.GetProperty("isEnableMetricSuggestions").GetBoolean());
        Assert.False(data.GetProperty("isEnableMetricSummary").GetBoolean());
    }

    [Theory]
    [InlineData("?name=revenue", "WORKSPACE_DOES_NOT_EXIST", null)]
    [InlineData("?name=", "INVALID_REQUEST_BODY", "name")]
    [InlineData("?name=%20Revenue", "INVALID_REQUEST_BODY", "name")]
    [InlineData("?name=Revenue&isPagination=true", "INVALID_REQUEST_BODY", "isPagination")]
    [InlineData("?name=Revenue&pageNumber=1", "INVALID_REQUEST_BODY", "pageNumber")]
    public async Task Read_WrongOrUnknownName_Answers400(string query, string code, string? field)
    {
        var org = await WithRevenueAsync();

        var response = await Read(org.Token, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.ErrorCode);
        if (field is not null)
        {
            Assert.Equal(field, Assert.Single(response.Details).Field);
        }
    }

    [Fact]
    public async Task Update_ReplacesTheConnection_KeepsWhatIsLeftOut_AndAddsOneToTheVersion()
    {
        var org = await WithRevenueAsync();
        var read = await Read(org.Token, "?name=Revenue");
        var before = read.Data;

        var response = await Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotEqual(read.ETag(), response.ETag());
        Assert.Equal(response.ETag(), await TagAsync(org.Token));
        var data = response.Data;
        Assert.Equal("MULTI_DATAMART", data.GetProperty("connectionType").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("datamartName").ValueKind);
        Assert.Equal(2, data.GetProperty("version").GetInt64());
        foreach (var kept in new[] { "id", "llmName", "aiCopilotLlms", "isEnableMetricSuggestions", "isEnableMetricSummary", "summaryType", "customSummaryPrompt", "themeName", "createdAt" })
        {
            Assert.Equal(before.GetProperty(kept).GetRawText(), data.GetProperty(kept).GetRawText());
        }

        Assert.True(string.CompareOrdinal(data.GetProperty("updatedAt").GetString(), before.GetProperty("createdAt").GetString()) >= 0);
        Assert.Equal(data.GetRawText(), (await Read(org.Token, "?name=Revenue")).Data.GetRawText());
    }

    [Fact]
    public async Task Update_NullClears_AndValuesReplace()
    {
        var org = await WithRevenueAsync();

        var cleared = await Update(org.Token, """
            {"name":"Revenue","connectionType":"DATASOURCE","datasourceName":"postgres-main","llmName":null,"aiCopilotLlms":null,
             "isEnableMetricSuggestions":null,"themeName":null}
            """);
        var replaced = await Update(org.Token, new { name = "Revenue", connectionType = "DATASOURCE", datasourceName = "snowflake-dw", aiCopilotLlms = new[] { "claude-sonnet", "llama-3" }, themeName = "light", llmName = "llama-3" });

        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal("postgres-main", cleared.Data.GetProperty("datasourceName").GetString());
        Assert.Equal(JsonValueKind.Null, cleared.Data.GetProperty("llmName").ValueKind);
        Assert.Empty(cleared.Data.GetProperty("aiCopilotLlms").EnumerateArray());
        Assert.False(cleared.Data.GetProperty("isEnableMetricSuggestions").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cleared.Data.GetProperty("themeName").ValueKind);
        Assert.Equal("custom", cleared.Data.GetProperty("summaryType").GetString()); // the summary group was left out
        Assert.Equal(["claude-sonnet", "llama-3"], replaced.Data.GetProperty("aiCopilotLlms").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("light", replaced.Data.GetProperty("themeName").GetString());
        Assert.Equal("llama-3", replaced.Data.GetProperty("llmName").GetString());
        Assert.Equal(3, replaced.Data.GetProperty("version").GetInt64());
        Assert.Equal([2L], await Api.QueryAsync<long>(
            "SELECT COUNT(*) FROM WorkspaceCopilotLlms c JOIN Workspaces w ON w.Id = c.WorkspaceId JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Name",
            new { org.Name }));
    }

    [Fact]
    public async Task Update_SummarySettingsChangeTogether()
    {
        var org = await WithRevenueAsync();

        var off = await Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART", isEnableMetricSummary = false });
        var on = await Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART", isEnableMetricSummary = true, summaryType = "forecastAndTrendAnalysis" });
        var alone = await Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART", summaryType = "custom", customSummaryPrompt = "Again" });

        Assert.False(off.Data.GetProperty("isEnableMetricSummary").GetBoolean());
        Assert.Equal(JsonValueKind.Null, off.Data.GetProperty("summaryType").ValueKind);
        Assert.Equal(JsonValueKind.Null, off.Data.GetProperty("customSummaryPrompt").ValueKind);
        Assert.Equal("forecastAndTrendAnalysis", on.Data.GetProperty("summaryType").GetString());
        Assert.Equal(JsonValueKind.Null, on.Data.GetProperty("customSummaryPrompt").ValueKind);
        Assert.Equal("INVALID_REQUEST_BODY", alone.ErrorCode);
        Assert.Equal("isEnableMetricSummary", Assert.Single(alone.Details).Field);
        Assert.Equal(3, (await Read(org.Token, "?name=Revenue")).Data.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Update_SameValuesAgain_StillAddsOneToTheVersion()
    {
        var org = await WithRevenueAsync();

        var once = await Update(org.Token, Revenue);
        var again = await Update(org.Token, Revenue);

        Assert.Equal(3, again.Data.GetProperty("version").GetInt64());
        Assert.NotEqual(once.ETag(), again.ETag());
    }

    private const string CurrentTag = "current";

    public static TheoryData<string, string, string?> OrderOfChecks => new()
    {
        // 1. the request cannot be read: body, If-Match
        { """{"name":"Nope","connectionType":"MULTI_DATAMART","color":"red"}""", "INVALID_REQUEST_BODY", "W/\"1\"" },
        // 3. the field rules come before existence
        { """{"name":"Nope","connectionType":"DATASOURCE"}""", "INVALID_REQUEST_BODY", "\"7\"" },
        // 4. existence before If-Match
        { """{"name":"Nope","connectionType":"MULTI_DATAMART","themeName":"neon"}""", "WORKSPACE_DOES_NOT_EXIST", "\"7\"" },
        // 5. If-Match before the references
        { """{"name":"Revenue","connectionType":"MULTI_DATAMART","themeName":"neon"}""", "WORKSPACE_VERSION_MISMATCH", "\"7\"" },
        // 6. the references, in the order of section 3 (CurrentTag: the workspace's own ETag)
        { """{"name":"Revenue","connectionType":"DATASOURCE","datasourceName":"x","llmName":"y","themeName":"z"}""", "INVALID_DATASOURCE_NAME", CurrentTag },
        { """{"name":"Revenue","connectionType":"DATAMART","datamartName":"x","llmName":"y"}""", "INVALID_DATAMART_NAME", null },
        { """{"name":"Revenue","connectionType":"MULTI_DATAMART","llmName":"y","aiCopilotLlms":["z"]}""", "INVALID_LLM_NAME", "*" },
        { """{"name":"Revenue","connectionType":"MULTI_DATAMART","aiCopilotLlms":["gpt-4o","z","w"],"themeName":"t"}""", "INVALID_AI_COPILOT_LLMS", null },
        { """{"name":"Revenue","connectionType":"MULTI_DATAMART","themeName":"t"}""", "INVALID_THEME_NAME", null },
    };

    [Theory]
    [MemberData(nameof(OrderOfChecks))]
    public async Task Update_AnswersTheFirstFailingCheck_AndChangesNothing(string body, string code, string? ifMatch)
    {
        var org = await WithRevenueAsync();
        ifMatch = ifMatch == CurrentTag ? await TagAsync(org.Token) : ifMatch;

        var response = await Update(org.Token, body, ifMatch is null ? [] : [("If-Match", ifMatch)]);

        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(code == "WORKSPACE_VERSION_MISMATCH" ? HttpStatusCode.PreconditionFailed : HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(1, (await Read(org.Token, "?name=Revenue")).Data.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Update_WithoutAValidToken_Answers401_AfterTheBodyIsRead_AndBeforeTheFieldRules()
    {
        var unreadable = await Update("wrong", """{"name":1}""");
        var invalid = await Update("wrong", new { name = " padded", connectionType = "MULTI_DATAMART" });

        Assert.Equal(HttpStatusCode.BadRequest, unreadable.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.Status);
        Assert.Equal("INVALID_DATA_APP_API_KEY", invalid.ErrorCode);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("1")]
    [InlineData("\"a b\"")]
    [InlineData("\"1")]
    public async Task IfMatch_Malformed_Answers400_NamingIfMatch_BeforeAuthentication(string ifMatch)
    {
        var update = await Client.SendAsync(HttpMethod.Put, "wrong-token", body: new { name = "Revenue", connectionType = "MULTI_DATAMART" }, headers: ("If-Match", ifMatch));
        var delete = await Client.SendAsync(HttpMethod.Delete, "wrong-token", "?name=Revenue", headers: ("If-Match", ifMatch));

        Assert.All([update, delete], r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Equal([("If-Match", "must be * or one strong entity tag, as an ETag of this API gives it (in double quotes)")], r.Details);
        });
    }

    [Fact]
    public async Task IfMatch_OnUpdate_MatchesTheCurrentVersionOnly_AndTheMismatchGivesTheCurrentVersion()
    {
        var org = await WithRevenueAsync();
        var body = new { name = "Revenue", connectionType = "MULTI_DATAMART" };
        var tag = await TagAsync(org.Token);

        var first = await Update(org.Token, body, ("If-Match", tag));
        var stale = await Update(org.Token, body, ("If-Match", tag));
        var again = await Update(org.Token, body, ("If-Match", first.ETag()!));
        var any = await Update(org.Token, body, ("If-Match", "*"));

        Assert.Equal(2, first.Data.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal("WORKSPACE_VERSION_MISMATCH", stale.ErrorCode);
        Assert.Contains("version 2", stale.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, again.Data.GetProperty("version").GetInt64());
        Assert.Equal(4, any.Data.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("\"1\"")] // the bare version that earlier releases issued
    [InlineData("\"\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"00000000-0000-0000-0000-000000000000.1\"")]
    public async Task IfMatch_AWellFormedTagThisServiceDidNotIssue_Answers412_OnUpdateAndDelete(string ifMatch)
    {
        var org = await WithRevenueAsync();

        var update = await Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART" }, ("If-Match", ifMatch));
        var delete = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Revenue", headers: ("If-Match", ifMatch));

        Assert.All([update, delete], r =>
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, r.Status);
            Assert.Equal("WORKSPACE_VERSION_MISMATCH", r.ErrorCode);
            Assert.Contains("version 1", r.ErrorMessage, StringComparison.Ordinal);
        });
        Assert.Equal(1, (await Read(org.Token, "?name=Revenue")).Data.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task IfMatch_TheTagOfADeletedWorkspace_NeverMatchesOneCreatedAgainUnderItsName()
    {
        // A reads ABA; B deletes it and creates ABA again, with other settings, at the same version 1.
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "ABA", connectionType = "MULTI_DATASOURCE" });
        var readByA = await Read(org.Token, "?name=ABA");
        await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=ABA");
        await Client.CreateWorkspaceAsync(org.Token, new { name = "ABA", connectionType = "DATAMART", datamartName = "sales-mart", llmName = "gpt-4o" });

        var staleUpdate = await Update(org.Token, new { name = "ABA", connectionType = "MULTI_DATASOURCE", llmName = (string?)null }, ("If-Match", readByA.ETag()!));
        var staleDelete = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=ABA", headers: ("If-Match", readByA.ETag()!));

        Assert.All([staleUpdate, staleDelete], r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.Status));
        var b = await Read(org.Token, "?name=ABA");
        Assert.Equal("sales-mart", b.Data.GetProperty("datamartName").GetString());
        Assert.Equal("gpt-4o", b.Data.GetProperty("llmName").GetString());
        Assert.Equal(1, b.Data.GetProperty("version").GetInt64());
        Assert.NotEqual(readByA.Data.GetProperty("id").GetString(), b.Data.GetProperty("id").GetString());
    }

    [Fact]
    public async Task IfMatch_OnDelete_DeletesOnlyThatVersion()
    {
        var org = await WithRevenueAsync();
        var first = await TagAsync(org.Token);
        var second = (await Update(org.Token, Revenue)).ETag()!;

        var stale = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Revenue", headers: ("If-Match", first));
        var current = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Revenue", headers: ("If-Match", second));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Contains("version 2", stale.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, current.Status);
        Assert.Empty(await Client.ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task ConcurrentUpdates_WithTheSameIfMatch_ExactlyOneSucceeds_TheOthersGet412()
    {
        var org = await WithRevenueAsync();
        var tag = await TagAsync(org.Token);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Update(
            org.Token,
            new { name = "Revenue", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { i % 2 == 0 ? "gpt-4o" : "llama-3" }, themeName = "light" },
            ("If-Match", tag))));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("WORKSPACE_VERSION_MISMATCH", a.ErrorCode));
        var stored = (await Read(org.Token, "?name=Revenue")).Data;
        Assert.Equal(2, stored.GetProperty("version").GetInt64());
        Assert.Single(stored.GetProperty("aiCopilotLlms").EnumerateArray());
    }

    [Fact]
    public async Task ConcurrentUnconditionalUpdates_AllSucceed_EachAddingOneToTheVersion()
    {
        var org = await WithRevenueAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(Enumerable.Range(2, 16).Select(v => (long)v), answers.Select(a => a.Data.GetProperty("version").GetInt64()).Order());
    }

    [Fact]
    public async Task UpdatesRacingADelete_Answer200OrWorkspaceDoesNotExist_Never500()
    {
        var org = await WithRevenueAsync();

        var updates = Enumerable.Range(0, 16).Select(_ => Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "gpt-4o" } })).ToList();
        var delete = Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Revenue");
        var answers = await Task.WhenAll(updates.Append(delete));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK || a.ErrorCode == "WORKSPACE_DOES_NOT_EXIST", $"{a.Status} {a.Body}"));
        Assert.Equal(HttpStatusCode.OK, (await delete).Status);
        Assert.Empty(await Client.ListNamesAsync(org.Token));
        Assert.Empty(await Api.QueryAsync<long>(
            "SELECT c.LlmId FROM WorkspaceCopilotLlms c LEFT JOIN Workspaces w ON w.Id = c.WorkspaceId WHERE w.Id IS NULL"));
    }

    [Fact]
    public async Task AnotherOrganization_CannotReadUpdateOrDelete_AndLearnsNothing()
    {
        var owner = await WithRevenueAsync();
        var other = await Api.CreateOrganizationAsync();
        var tag = await TagAsync(owner.Token);

        var read = await Read(other.Token, "?name=Revenue");
        var update = await Update(other.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART" }, ("If-Match", tag));
        var delete = await Client.SendAsync(HttpMethod.Delete, other.Token, "?name=Revenue", headers: ("If-Match", tag));
        var unknown = await Read(other.Token, "?name=Nothing");

        Assert.All([read, update, delete], r => Assert.Equal("WORKSPACE_DOES_NOT_EXIST", r.ErrorCode));
        Assert.Equal(unknown.Body.Replace("Nothing", "Revenue", StringComparison.Ordinal), read.Body);
        Assert.Equal(1, (await Read(owner.Token, "?name=Revenue")).Data.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Update_ReferencesOfAnotherOrganization_AreUnknown()
    {
        var org = await WithRevenueAsync();
        var other = await Api.CreateOrganizationAsync(seed => seed with { Themes = ["only-other"] });
        Assert.NotEqual(org.Name, other.Name);

        var response = await Update(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART", themeName = "only-other" });

        Assert.Equal("INVALID_THEME_NAME", response.ErrorCode);
    }
}
