using System.Net;
using System.Text.Json;
using Databrain.Api.History;
using Databrain.Application.Common.Security;
using Databrain.Application.History;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Databrain.IntegrationTests.Http;

/// <summary>docs/api.md, "History and change feed": one record per change, written with it, and the two ways to read them.</summary>
public abstract class ChangeRecordsTests(ApiFixture api) : ApiTests(api)
{
    private Task<ApiResponse> Feed(string token, string query = "") => Client.SendToAsync(HttpMethod.Get, $"/api/v2/workspace/changes{query}", token);

    private Task<ApiResponse> History(string token, string query) => Client.SendToAsync(HttpMethod.Get, $"/api/v2/workspace/history{query}", token);

    private static JsonElement[] Changes(ApiResponse response)
    {
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return [.. response.Data.GetProperty("changes").EnumerateArray()];
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task EveryChange_HasOneRecord_InTheOrganizationsSequence_WithWhoAndWhatChanged()
    {
        var org = await Api.CreateOrganizationAsync();
        await Api.ExecuteAsync("UPDATE ServiceTokens SET Label = 'ci-pipeline' WHERE TokenHash = @Hash", new { Hash = ServiceTokenHash.Of(org.Token) });
        var tokenId = (await Api.QueryAsync<string>("SELECT PublicId FROM ServiceTokens WHERE TokenHash = @Hash", new { Hash = ServiceTokenHash.Of(org.Token) })).Single();

        var created = await Client.CreateWorkspaceAsync(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART", llmName = "gpt-4o", aiCopilotLlms = new[] { "gpt-4o", "llama-3" }, isEnableMetricSuggestions = false, themeName = (string?)null });
        await Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "Revenue", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "llama-3", "gpt-4o" }, themeName = "dark" });
        await Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "Revenue", connectionType = "MULTI_DATAMART", themeName = "dark" });
        await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Revenue");

        var response = await Feed(org.Token);
        var changes = Changes(response);
        Assert.Equal(["1", "2", "3", "4"], changes.Select(c => c.GetProperty("sequence").GetString()));
        Assert.Equal(["create", "update", "update", "delete"], changes.Select(c => c.GetProperty("operation").GetString()));
        Assert.Equal([1L, 2, 3, 3], changes.Select(c => c.GetProperty("version").GetInt64()));
        Assert.Equal(["name", "connectionType", "llmName", "aiCopilotLlms", "isEnableMetricSuggestions"], Strings(changes[0].GetProperty("changed")));
        Assert.Equal(["aiCopilotLlms", "themeName"], Strings(changes[1].GetProperty("changed"))); // a new order is a change
        Assert.Empty(Strings(changes[2].GetProperty("changed"))); // the same values again
        Assert.Empty(Strings(changes[3].GetProperty("changed")));
        var workspaceId = created.ETag()!.Trim('"').Split('.')[0];
        Assert.All(changes, c =>
        {
            Assert.Equal(workspaceId, c.GetProperty("workspaceId").GetString());
            Assert.Equal("Revenue", c.GetProperty("name").GetString());
            Assert.Equal(tokenId, c.GetProperty("actor").GetProperty("tokenId").GetString());
            Assert.Equal("ci-pipeline", c.GetProperty("actor").GetProperty("label").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", c.GetProperty("at").GetString());
        });
        Assert.Equal("4", response.Data.GetProperty("next").GetString());
    }

    [Fact]
    public async Task RejectedWrites_AndReplays_WriteNoRecord()
    {
        var org = await Api.CreateOrganizationAsync();
        var body = new { name = "Once", connectionType = "MULTI_DATAMART" };

        await Client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "once"));
        var replay = await Client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "once"));
        await Client.CreateWorkspaceAsync(org.Token, body); // the name is taken
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Bad", connectionType = "DATASOURCE", datasourceName = "nope" });
        await Client.SendAsync(HttpMethod.Put, org.Token, body: new { name = "Nope", connectionType = "MULTI_DATAMART" });
        await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Nope");

        Assert.True(replay.Message.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["create"], Changes(await Feed(org.Token)).Select(c => c.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task AFollower_WithAfterNext_SeesEveryRecordOnce_InOrder()
    {
        var org = await Api.CreateOrganizationAsync();
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateWorkspaceAsync(org.Token, new { name = $"W{i}", connectionType = "MULTI_DATAMART" });
        }

        var seen = new List<string>();
        var after = "0";
        while (true)
        {
            var response = await Feed(org.Token, $"?after={after}&limit=2");
            var changes = Changes(response);
            seen.AddRange(changes.Select(c => c.GetProperty("sequence").GetString()!));
            var next = response.Data.GetProperty("next").GetString()!;
            if (changes.Length == 0)
            {
                Assert.Equal(after, next); // nothing new: next stays where it was
                break;
            }

            after = next;
        }

        Assert.Equal(["1", "2", "3", "4", "5"], seen);
        Assert.Equal("0", (await Feed((await Api.CreateOrganizationAsync()).Token)).Data.GetProperty("next").GetString());
    }

    [Fact]
    public async Task AHistory_HoldsEveryWorkspaceThatHadTheName_DeletedOnesToo()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Ops", connectionType = "MULTI_DATAMART" });
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Other", connectionType = "MULTI_DATAMART" });
        await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=Ops");
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Ops", connectionType = "MULTI_DATASOURCE" });

        var history = Changes(await History(org.Token, "?name=Ops"));

        Assert.Equal(["1", "3", "4"], history.Select(c => c.GetProperty("sequence").GetString()));
        Assert.Equal(["create", "delete", "create"], history.Select(c => c.GetProperty("operation").GetString()));
        Assert.NotEqual(history[0].GetProperty("workspaceId").GetString(), history[2].GetProperty("workspaceId").GetString());
        Assert.Equal(["4"], Changes(await History(org.Token, "?name=Ops&after=3")).Select(c => c.GetProperty("sequence").GetString()));
        Assert.Empty(Changes(await History(org.Token, "?name=Never")));
    }

    [Fact]
    public async Task AnOrganization_SeesOnlyItsOwnRecords_AndItsOwnSequence()
    {
        var first = await Api.CreateOrganizationAsync();
        var second = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(first.Token, new { name = "Shared name", connectionType = "MULTI_DATAMART" });
        await Client.CreateWorkspaceAsync(first.Token, new { name = "Mine", connectionType = "MULTI_DATAMART" });
        await Client.CreateWorkspaceAsync(second.Token, new { name = "Shared name", connectionType = "MULTI_DATAMART" });

        var seconds = Changes(await Feed(second.Token));

        Assert.Equal(("1", "Shared name"), (seconds.Single().GetProperty("sequence").GetString(), seconds.Single().GetProperty("name").GetString()));
        Assert.Single(Changes(await History(second.Token, "?name=Shared%20name")));
        Assert.Empty(Changes(await History(second.Token, "?name=Mine")));
    }

    [Fact]
    public async Task AReadToken_MayReadTheFeedAndAHistory()
    {
        var (reader, writeToken) = await Api.CreateOrganizationWithAReadTokenAsync();
        await Client.CreateWorkspaceAsync(writeToken, new { name = "Read me", connectionType = "MULTI_DATAMART" });

        Assert.Single(Changes(await Feed(reader.Token)));
        Assert.Single(Changes(await History(reader.Token, "?name=Read%20me")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Feed("dbn_not_a_token")).Status);
    }

    [Fact]
    public async Task ACursorBelowThePurgeMark_Answers410_OnTheFeedAndAHistory()
    {
        var org = await Api.CreateOrganizationAsync();
        for (var i = 0; i < 3; i++)
        {
            await Client.CreateWorkspaceAsync(org.Token, new { name = $"P{i}", connectionType = "MULTI_DATAMART" });
        }

        // As the retention purge leaves it after removing records 1 and 2.
        await Api.ExecuteAsync("DELETE FROM WorkspaceChanges WHERE Sequence <= 2 AND OrganizationId = (SELECT Id FROM Organizations WHERE Name = @Name)", new { org.Name });
        await Api.ExecuteAsync("UPDATE Organizations SET ChangesPurgedThrough = 2 WHERE Name = @Name", new { org.Name });

        var expired = await Feed(org.Token, "?after=1");
        var fromStart = await Feed(org.Token);
        var history = await History(org.Token, "?name=P2&after=0");

        Assert.Equal((HttpStatusCode.Gone, "CHANGE_FEED_CURSOR_EXPIRED"), (expired.Status, expired.ErrorCode));
        Assert.Equal((HttpStatusCode.Gone, "CHANGE_FEED_CURSOR_EXPIRED"), (fromStart.Status, fromStart.ErrorCode));
        Assert.Equal(HttpStatusCode.Gone, history.Status);
        Assert.Equal(["3"], Changes(await Feed(org.Token, "?after=2")).Select(c => c.GetProperty("sequence").GetString()));
    }

    [Fact]
    public async Task ThePurge_RemovesRecordsPastTheRetention_AndRaisesThePurgeMark_SoAFollowerBehindItGets410()
    {
        var org = await Api.CreateOrganizationAsync();
        for (var i = 0; i < 4; i++)
        {
            await Client.CreateWorkspaceAsync(org.Token, new { name = $"Old{i}", connectionType = "MULTI_DATAMART" });
        }

        // Records 1 and 2 as if made 400 days ago; 3 and 4 are recent.
        var longAgo = DateTimeOffset.UtcNow.AddDays(-400).ToUnixTimeMilliseconds();
        await Api.ExecuteAsync(
            "UPDATE WorkspaceChanges SET AtUnixMs = @LongAgo WHERE Sequence <= 2 AND OrganizationId = (SELECT Id FROM Organizations WHERE Name = @Name)",
            new { LongAgo = longAgo, org.Name });
        var purger = new ChangeRecordPurger(
            Api.Services.GetRequiredService<IServiceScopeFactory>(), new HistoryOptions { PurgeBatchSize = 1, PurgePauseMilliseconds = 0 }, TimeProvider.System,
            NullLogger<ChangeRecordPurger>.Instance);

        var purged = await purger.PurgeAsync(CancellationToken.None);

        Assert.True(purged >= 2, $"{purged} purged"); // other test organizations' old records may go too
        Assert.Equal(HttpStatusCode.Gone, (await Feed(org.Token, "?after=1")).Status);
        Assert.Equal(["3", "4"], Changes(await Feed(org.Token, "?after=2")).Select(c => c.GetProperty("sequence").GetString()));
        Assert.Equal(2, (await Api.QueryAsync<long>("SELECT ChangesPurgedThrough FROM Organizations WHERE Name = @Name", new { org.Name })).Single());
    }

    [Theory]
    [InlineData("/api/v2/workspace/changes?after=-1", "after")]
    [InlineData("/api/v2/workspace/changes?after=", "after")]
    [InlineData("/api/v2/workspace/changes?after=99999999999999999999", "after")]
    [InlineData("/api/v2/workspace/changes?limit=0", "limit")]
    [InlineData("/api/v2/workspace/changes?limit=1001", "limit")]
    [InlineData("/api/v2/workspace/changes?limit=1&limit=2", "limit")]
    [InlineData("/api/v2/workspace/changes?name=Ops", "name")]
    [InlineData("/api/v2/workspace/history", "name")]
    [InlineData("/api/v2/workspace/history?name=%20Ops", "name")]
    [InlineData("/api/v2/workspace/history?name=Ops&limit=abc", "limit")]
    public async Task AnInvalidQuery_Returns400NamingIt(string target, string field)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.SendToAsync(HttpMethod.Get, target, org.Token);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST_BODY"), (response.Status, response.ErrorCode));
        Assert.Equal(field, Assert.Single(response.Details).Field);
    }
}

public sealed class ChangeRecordsOnSqlite(SqliteApi api) : ChangeRecordsTests(api);

public sealed class ChangeRecordsOnPostgreSql(PostgreSqlApi api) : ChangeRecordsTests(api);

public sealed class ChangeRecordsOnSqlServer(SqlServerApi api) : ChangeRecordsTests(api);
