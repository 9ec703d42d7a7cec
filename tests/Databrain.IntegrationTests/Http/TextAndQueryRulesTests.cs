using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>The text rule's invisible characters, the messages for unreadable text, and query parameters given twice (docs/api.md, "POST /api/v2/workspace").</summary>
public abstract class TextAndQueryRulesTests(ApiFixture api) : ApiTests(api)
{
    [Theory]
    [InlineData("name", "Sa\u200Bles")]
    [InlineData("llmName", "gpt\u202E4o")]
    [InlineData("themeName", "da\u2066rk")]
    public async Task InvisibleFormatCharacter_IsRejected_WithADetailNamingTheFieldAndWhy(string field, string value)
    {
        var org = await Api.CreateOrganizationAsync();
        var body = new Dictionary<string, object> { ["name"] = "W", ["connectionType"] = "MULTI_DATAMART", [field] = value };

        var response = await Client.CreateWorkspaceAsync(org.Token, body);

        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        var (detailField, message) = Assert.Single(response.Details);
        Assert.Equal(field, detailField);
        Assert.Contains("invisible format characters", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task ANulCharacterInThePrompt_IsRejected_NamingTheField_AndNothingIsStored(string method)
    {
        var org = await Api.CreateOrganizationAsync();
        var body = new { name = "W", connectionType = "MULTI_DATAMART", isEnableMetricSummary = true, summaryType = "custom", customSummaryPrompt = "Explain\u0000 this" };
        if (method == "PUT")
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(org.Token, new { name = "W", connectionType = "MULTI_DATAMART" })).Status);
        }

        var response = await Client.SendAsync(new HttpMethod(method), org.Token, body: body);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST_BODY"), (response.Status, response.ErrorCode));
        Assert.Equal([("customSummaryPrompt", "must not contain the NUL character (U+0000)")], response.Details);
        var stored = await Client.SendAsync(HttpMethod.Get, org.Token, "?name=W");
        Assert.Equal(method == "PUT" ? HttpStatusCode.OK : HttpStatusCode.BadRequest, stored.Status);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task ANulCharacterInAQueryValue_IsRejected_NamingTheParameter(string method)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.SendAsync(new HttpMethod(method), org.Token, "?name=Sa%00les");

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST_BODY"), (response.Status, response.ErrorCode));
        Assert.Equal("name", Assert.Single(response.Details).Field);
    }

    [Fact]
    public async Task NamesThatOnlyLookAlike_CannotBothBeCreated_AsOneIsRejected()
    {
        var org = await Api.CreateOrganizationAsync();

        var plain = await Client.CreateWorkspaceAsync(org.Token, new { name = "Sales", connectionType = "MULTI_DATAMART" });
        var lookalike = await Client.CreateWorkspaceAsync(org.Token, new { name = "Sal\u200Des", connectionType = "MULTI_DATAMART" });

        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.Equal("INVALID_REQUEST_BODY", lookalike.ErrorCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30 })] // the escape \ud800
    public async Task TextThatIsNotUtf8_IsAnsweredInTheApisOwnWords(byte[] inName)
    {
        var org = await Api.CreateOrganizationAsync();
        byte[] body = [.. """{"name":"W"""u8, .. inName, .. "\",\"connectionType\":\"MULTI_DATAMART\"}"u8];

        using var request = new HttpRequestMessage(HttpMethod.Post, ApiCalls.Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {org.Token}");
        var response = await ApiResponse.ReadAsync(await Client.SendAsync(request));

        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        Assert.Equal([("body", "is not valid UTF-8 text (or escapes a lone UTF-16 surrogate, such as \\ud800)")], response.Details);
    }

    [Theory]
    [InlineData("GET", "?pagesize=5", "pagesize")]
    [InlineData("GET", "?Name=x", "Name")]
    [InlineData("GET", "?name%00=x", "name\u0000")]
    [InlineData("GET", "?isPagination=true&foo=1", "foo")]
    [InlineData("DELETE", "?name=qa&force=true", "force")]
    [InlineData("PUT", "?name=qa", "name")]
    [InlineData("POST", "?x=1&x=2", "x")]
    public async Task AQueryParameterTheOperationDoesNotDefine_IsRejectedNamingIt_BeforeAuthentication(string method, string query, string field)
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "qa", connectionType = "MULTI_DATAMART" });

        var response = await Client.SendAsync(new HttpMethod(method), "not-a-token", query, body: method is "PUT" or "POST" ? new { name = "qa", connectionType = "MULTI_DATAMART" } : null);
        var deleted = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=qa&force=true");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([(field, "is not a parameter of this operation")], response.Details);
        Assert.Equal(HttpStatusCode.BadRequest, deleted.Status);
        Assert.Equal(["qa"], await Client.ListNamesAsync(org.Token));
    }

    [Theory]
    [InlineData("GET", "?isPagination=true&isPagination=false", "isPagination")]
    [InlineData("GET", "?name=a&name=b", "name")]
    [InlineData("DELETE", "?name=qa&name=qb", "name")]
    public async Task AQueryParameterGivenTwice_IsRejected_BeforeAuthentication(string method, string query, string field)
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "qa", connectionType = "MULTI_DATAMART" });

        var response = await Client.SendAsync(new HttpMethod(method), "not-a-token", query);
        var deleted = await Client.SendAsync(HttpMethod.Delete, org.Token, "?name=qa&name=qb");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([(field, "is given more than once")], response.Details);
        Assert.Equal(HttpStatusCode.BadRequest, deleted.Status);
        Assert.Equal(["qa"], await Client.ListNamesAsync(org.Token));
    }
}
