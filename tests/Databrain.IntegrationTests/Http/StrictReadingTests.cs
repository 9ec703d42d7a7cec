using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>docs/api.md, "POST /api/v2/workspace", "Strict reading" and "Limits": step 1 of the order of checks.</summary>
public abstract class StrictReadingTests(ApiFixture api) : ApiTests(api)
{
    public static TheoryData<string, string, string> UnreadableBodies => new()
    {
        { """{"name":"W","connectionType":"MULTI_DATAMART","color":"red"}""", "color", "is not a known property" },
        { """{"Name":"W","connectionType":"MULTI_DATAMART"}""", "Name", "is not a known property" },
        // Header values travel beside the body, never in it.
        { """{"name":"W","connectionType":"MULTI_DATAMART","idempotencyKey":"k-1"}""", "idempotencyKey", "is not a known property" },
        { """{"name":"W","connectionType":"MULTI_DATAMART","ifMatch":"*"}""", "ifMatch", "is not a known property" },
        { """{"name":"W","name":"V","connectionType":"MULTI_DATAMART"}""", "name", "appears more than once" },
        { """{"name":123,"connectionType":"MULTI_DATAMART"}""", "name", "must be a string" },
        { """{"name":"W","connectionType":["DATASOURCE"]}""", "connectionType", "must be a string" },
        { """{"name":"W","connectionType":"MULTI_DATAMART","isEnableMetricSummary":"true"}""", "isEnableMetricSummary", "must be a boolean (true or false)" },
        { """{"name":"W","connectionType":"MULTI_DATAMART","isEnableMetricSuggestions":1}""", "isEnableMetricSuggestions", "must be a boolean (true or false)" },
        { """{"name":"W","connectionType":"MULTI_DATAMART","aiCopilotLlms":"gpt-4o"}""", "aiCopilotLlms", "must be an array of strings" },
        { """{"name":"W","connectionType":"MULTI_DATAMART","aiCopilotLlms":["gpt-4o",7]}""", "aiCopilotLlms[1]", "must be a string" },
        { """{"name":"W","connectionType":"MULTI_DATAMART","themeName":{"name":"dark"}}""", "themeName", "must be a string" },
        { "[]", "body", "must be a JSON object" },
        { "\"Sales\"", "body", "must be a JSON object" },
        { "null", "body", "must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task UnreadableBody_Returns400_NamingTheProblem(string body, string field, string problem)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceRawAsync(org.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        Assert.Equal([(field, problem)], response.Details);
        Assert.Equal($"{field} {problem}", response.ErrorMessage);
        Assert.Empty(await Client.ListNamesAsync(org.Token));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"name":"W",}""")]
    [InlineData("""{"name":"W" /* comment */}""")]
    [InlineData("""{'name':'W'}""")]
    [InlineData("""{"name":NaN}""")]
    [InlineData("{} {}")]
    public async Task InvalidJson_Returns400(string body)
    {
        var response = await Client.CreateWorkspaceRawAsync(token: null, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        Assert.StartsWith("body is not valid JSON", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryReadingProblem_IsListed()
    {
        var response = await Client.CreateWorkspaceRawAsync(token: null, """{"a":1,"name":false,"name":"x","aiCopilotLlms":[null,true]}""");

        Assert.Equal(
            [("a", "is not a known property"), ("name", "must be a string"), ("name", "appears more than once"), ("aiCopilotLlms[1]", "must be a string")],
            response.Details);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task OtherContentTypes_AreRejected(string? contentType)
    {
        var response = await Client.CreateWorkspaceRawAsync(token: null, """{"name":"W","connectionType":"MULTI_DATAMART"}""", contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([("Content-Type", "must be application/json (charset utf-8, if given)")], response.Details);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    public async Task JsonContentTypes_AreAccepted(string contentType)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceRawAsync(org.Token, """{"name":"W","connectionType":"MULTI_DATAMART"}""", contentType);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task BodyOver64KiB_IsRejected_ButOneJustUnderIsRead()
    {
        var org = await Api.CreateOrganizationAsync();
        const string Frame = """{"name":"W","connectionType":"MULTI_DATAMART","customSummaryPrompt":""}""";

        var atLimit = await Client.CreateWorkspaceRawAsync(org.Token, Frame.Replace("\"\"", $"\"{new string('p', 65536 - Frame.Length)}\"", StringComparison.Ordinal));
        var overLimit = await Client.CreateWorkspaceRawAsync(org.Token, Frame.Replace("\"\"", $"\"{new string('p', 65537 - Frame.Length)}\"", StringComparison.Ordinal));

        // At the limit the body is read, and the field rules answer (the prompt is far too long).
        Assert.Equal("customSummaryPrompt", atLimit.Details[0].Field);
        Assert.Equal([("body", "must be at most 65536 bytes")], overLimit.Details);
    }

    [Fact]
    public async Task EmptyBody_IsRejected()
    {
        var response = await Client.CreateWorkspaceRawAsync(token: null, string.Empty);

        Assert.Equal([("body", "is empty; a JSON object is required")], response.Details);
    }
}
