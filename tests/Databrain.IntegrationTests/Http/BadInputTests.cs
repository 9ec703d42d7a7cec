using System.IO.Compression;
using System.Net;
using System.Text;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// A table of malformed requests, each with the exact status and error code it must get. None may get a 500.
/// Field cases carry a valid token, so that they reach the field rules (step 3 of the order of checks).
/// </summary>
public abstract class BadInputTests(ApiFixture api) : ApiTests(api)
{
    private const string Json = "application/json";
    private const string Invalid = "INVALID_REQUEST_BODY";

    public sealed record Case(byte[] Body, string? ContentType, HttpStatusCode Status, string Code, string? ContentEncoding = null);

    private static Case Ok(byte[] body, string? contentType = Json, string? contentEncoding = null) => new(body, contentType, HttpStatusCode.OK, string.Empty, contentEncoding);

    private static byte[] Compressed(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(body);
        }

        return output.ToArray();
    }

    private static Case Bad(string body, string? contentType = Json) => new(Encoding.UTF8.GetBytes(body), contentType, HttpStatusCode.BadRequest, Invalid);

    /// <summary>A body whose other fields are valid, so that only <paramref name="field"/> is wrong.</summary>
    private static string With(string field, string jsonValue) => field switch
    {
        "datasourceName" => $$"""{"name":"W","connectionType":"DATASOURCE","datasourceName":{{jsonValue}}}""",
        "datamartName" => $$"""{"name":"W","connectionType":"DATAMART","datamartName":{{jsonValue}}}""",
        "summaryType" => $$"""{"name":"W","connectionType":"MULTI_DATAMART","isEnableMetricSummary":true,"summaryType":{{jsonValue}}}""",
        "customSummaryPrompt" => $$"""{"name":"W","connectionType":"MULTI_DATAMART","isEnableMetricSummary":true,"summaryType":"custom","customSummaryPrompt":{{jsonValue}}}""",
        "name" => $$"""{"connectionType":"MULTI_DATAMART","name":{{jsonValue}}}""",
        "connectionType" => $$"""{"name":"W","connectionType":{{jsonValue}}}""",
        _ => $$"""{"name":"W","connectionType":"MULTI_DATAMART","{{field}}":{{jsonValue}}}""",
    };

    private static readonly string[] StringFields = ["name", "connectionType", "datasourceName", "datamartName", "llmName", "summaryType", "customSummaryPrompt", "themeName"];
    private static readonly string[] NameFields = ["name", "datasourceName", "datamartName", "llmName", "themeName"];

    private static readonly Dictionary<string, Case> Cases = Build();

    private static Dictionary<string, Case> Build()
    {
        var cases = new Dictionary<string, Case>();
        foreach (var field in StringFields)
        {
            cases[$"{field}: number"] = Bad(With(field, "123"));
            cases[$"{field}: boolean"] = Bad(With(field, "true"));
            cases[$"{field}: object"] = Bad(With(field, """{"value":"x"}"""));
            cases[$"{field}: array"] = Bad(With(field, """["x"]"""));
            cases[$"{field}: empty"] = Bad(With(field, "\"\""));
            cases[$"{field}: over-long"] = Bad(With(field, $"\"{new string('x', field == "customSummaryPrompt" ? 2001 : 101)}\""));
        }

        foreach (var field in NameFields.Append("connectionType").Append("summaryType"))
        {
            cases[$"{field}: padded"] = Bad(With(field, "\" x \""));
            cases[$"{field}: control character"] = Bad(With(field, "\"a\\u0007b\""));
        }

        foreach (var field in NameFields)
        {
            cases[$"{field}: zero-width space"] = Bad(With(field, "\"Sa\u200Bles\""));
            cases[$"{field}: right-to-left override"] = Bad(With(field, "\"Sa\u202Eles\""));
            cases[$"{field}: byte-order mark inside"] = Bad(With(field, "\"Sa\uFEFFles\""));
            cases[$"{field}: tag character (outside the BMP)"] = Bad(With(field, "\"Sales\uDB40\uDC01\""));
        }

        foreach (var field in new[] { "name", "connectionType", "datasourceName", "datamartName", "summaryType", "customSummaryPrompt" })
        {
            cases[$"{field}: null where required"] = Bad(With(field, "null"));
        }

        foreach (var field in new[] { "isEnableMetricSuggestions", "isEnableMetricSummary" })
        {
            cases[$"{field}: string"] = Bad(With(field, "\"true\""));
            cases[$"{field}: number"] = Bad(With(field, "1"));
            cases[$"{field}: array"] = Bad(With(field, "[true]"));
            cases[$"{field}: huge number"] = Bad(With(field, "123456789012345678901234567890"));
        }

        cases["aiCopilotLlms: string"] = Bad(With("aiCopilotLlms", "\"gpt-4o\""));
        cases["aiCopilotLlms: object"] = Bad(With("aiCopilotLlms", """{"0":"gpt-4o"}"""));
        cases["aiCopilotLlms: number item"] = Bad(With("aiCopilotLlms", "[1]"));
        cases["aiCopilotLlms: null item"] = Bad(With("aiCopilotLlms", "[null]"));
        cases["aiCopilotLlms: nested array"] = Bad(With("aiCopilotLlms", """[["gpt-4o"]]"""));
        cases["aiCopilotLlms: empty item"] = Bad(With("aiCopilotLlms", "[\"\"]"));
        cases["aiCopilotLlms: padded item"] = Bad(With("aiCopilotLlms", "[\" gpt-4o\"]"));
        cases["aiCopilotLlms: over-long item"] = Bad(With("aiCopilotLlms", $"[\"{new string('x', 101)}\"]"));
        cases["aiCopilotLlms: 21 items"] = Bad(With("aiCopilotLlms", $"[{string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"l{i}\""))}]"));
        cases["aiCopilotLlms: repeated item"] = Bad(With("aiCopilotLlms", """["gpt-4o","gpt-4o"]"""));

        cases["summaryType without summaries"] = Bad("""{"name":"W","connectionType":"MULTI_DATAMART","summaryType":"custom"}""");
        cases["prompt without custom summary"] = Bad("""{"name":"W","connectionType":"MULTI_DATAMART","customSummaryPrompt":"p"}""");
        cases["blank custom prompt"] = Bad(With("customSummaryPrompt", "\"   \""));
        cases["unknown property"] = Bad("""{"name":"W","connectionType":"MULTI_DATAMART","owner":"me"}""");
        cases["property in other case"] = Bad("""{"NAME":"W","connectionType":"MULTI_DATAMART"}""");
        cases["duplicated property"] = Bad("""{"name":"W","connectionType":"MULTI_DATAMART","connectionType":"DATAMART"}""");
        cases["empty object"] = Bad("{}");

        cases["nesting 1000 levels deep"] = Bad($"{{\"name\":{new string('[', 1000)}{new string(']', 1000)}}}");
        cases["huge number for a string"] = Bad("""{"name":1e999999,"connectionType":"MULTI_DATAMART"}""");
        cases["invalid UTF-8"] = new(
            [.. """{"name":"W"""u8, 0xC3, 0x28, .. "\",\"connectionType\":\"MULTI_DATAMART\"}"u8],
            Json, HttpStatusCode.BadRequest, Invalid);
        cases["lone surrogate escape"] = Bad("""{"name":"W\ud800","connectionType":"MULTI_DATAMART"}""");
        cases["comment"] = Bad("""{"name":"W", /* note */ "connectionType":"MULTI_DATAMART"}""");
        cases["trailing comma"] = Bad("""{"name":"W","connectionType":"MULTI_DATAMART",}""");
        cases["NaN"] = Bad("""{"name":NaN,"connectionType":"MULTI_DATAMART"}""");
        cases["Infinity"] = Bad("""{"name":"W","connectionType":"MULTI_DATAMART","isEnableMetricSummary":Infinity}""");
        cases["single quotes"] = Bad("""{'name':'W','connectionType':'MULTI_DATAMART'}""");
        cases["unterminated string"] = Bad("""{"name":"W,"connectionType":"MULTI_DATAMART"}""");
        cases["two documents"] = Bad("""{"name":"W","connectionType":"MULTI_DATAMART"} {}""");
        cases["bare string"] = Bad("\"W\"");
        cases["bare number"] = Bad("42");
        cases["bare null"] = Bad("null");
        cases["array body"] = Bad("""[{"name":"W","connectionType":"MULTI_DATAMART"}]""");
        cases["empty body"] = Bad(string.Empty);
        cases["white space body"] = Bad("   \n ");

        const string Valid = """{"name":"W","connectionType":"MULTI_DATAMART"}""";
        cases["no content type"] = Bad(Valid, contentType: null);
        cases["text/plain"] = Bad(Valid, "text/plain");
        cases["text/json"] = Bad(Valid, "text/json");
        cases["form content type"] = Bad(Valid, "application/x-www-form-urlencoded");
        cases["latin-1 charset"] = Bad(Valid, "application/json; charset=iso-8859-1");
        cases["charset without value"] = Bad(Valid, "application/json; charset");
        cases["unknown content type parameter"] = Bad(Valid, "application/json; profile=x");
        cases["body of 64 KiB + 1"] = Bad(With("customSummaryPrompt", $"\"{new string('p', 65537)}\""));
        cases["quoted charset is fine"] = Ok(Encoding.UTF8.GetBytes(Valid), "application/json; charset=\"utf-8\"");
        cases["upper-case charset is fine"] = Ok(Encoding.UTF8.GetBytes(Valid), "application/json; charset=UTF-8");
        cases["quoted other charset"] = Bad(Valid, "application/json; charset=\"iso-8859-1\"");
        cases["gzip body is decoded"] = Ok(Compressed(Encoding.UTF8.GetBytes(Valid), s => new GZipStream(s, CompressionLevel.Fastest)), contentEncoding: "gzip");
        cases["br body is decoded"] = Ok(Compressed(Encoding.UTF8.GetBytes(Valid), s => new BrotliStream(s, CompressionLevel.Fastest)), contentEncoding: "br");
        cases["identity encoding is fine"] = Ok(Encoding.UTF8.GetBytes(Valid), contentEncoding: "identity");
        cases["plain JSON labelled gzip"] = Bad(Valid) with { ContentEncoding = "gzip" };
        cases["gzip bomb (1 MiB decoded)"] = new(
            Compressed(Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('x', 1 << 20)}\"}}"), s => new GZipStream(s, CompressionLevel.Optimal)), Json, HttpStatusCode.BadRequest, Invalid, "gzip");
        cases["unknown encoding"] = Bad(Valid) with { ContentEncoding = "deflate" };
        cases["two encodings"] = Bad(Valid) with { ContentEncoding = "gzip, br" };
        cases["byte-order mark is ignored"] = new([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Valid.Replace("\"W\"", "\"BOM\"", StringComparison.Ordinal))], Json, HttpStatusCode.OK, string.Empty);
        return cases;
    }

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Fact]
    public void TheTableHoldsAtLeast80Cases() => Assert.True(Cases.Count >= 80, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task MalformedRequest_GetsItsExactStatusAndCode(string name)
    {
        var @case = Cases[name];
        var org = await Api.CreateOrganizationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiCalls.Route) { Content = new ByteArrayContent(@case.Body) };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {org.Token}");
        if (@case.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", @case.ContentType);
        }

        if (@case.ContentEncoding is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Encoding", @case.ContentEncoding);
        }

        var response = await ApiResponse.ReadAsync(await Client.SendAsync(request));

        Assert.Equal(@case.Status, response.Status);
        Assert.Equal(@case.Status == HttpStatusCode.OK ? null : @case.Code, response.ErrorCode);
    }

    private Task<RawHttp.Response> SendRaw(string headers, string body) =>
        RawHttp.SendAsync(Client.BaseAddress!, $"POST {ApiCalls.Route} HTTP/1.1\r\n{headers}", Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task TwoContentTypeHeaders_AreRejected()
    {
        const string Body = """{"name":"W","connectionType":"MULTI_DATAMART"}""";

        var response = await SendRaw($"Content-Type: application/json\r\nContent-Type: text/plain\r\nContent-Length: {Body.Length}", Body);

        Assert.Equal(400, response.Status);
        Assert.Contains("\"code\":\"INVALID_REQUEST_BODY\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentLengthLargerThanTheBody_IsRejected_OnceTheClientStalls()
    {
        var org = await Api.CreateOrganizationAsync();
        const string Body = """{"name":"W","connectionType":"MULTI_DATAMART"}""";

        // The client sends less than it declared and then waits: Kestrel's minimum data rate ends the wait.
        var response = await SendRaw($"Authorization: Bearer {org.Token}\r\nContent-Type: application/json\r\nContent-Length: {Body.Length + 50}", Body);

        Assert.Equal(400, response.Status);
        Assert.Contains("\"message\":\"body could not be read completely: it ended early or arrived too slowly\"", response.Body, StringComparison.Ordinal);
        Assert.Empty(await Client.ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task ContentLengthSmallerThanTheBody_ReadsOnlyThatMuch_AndIsRejected()
    {
        var org = await Api.CreateOrganizationAsync();
        const string Body = """{"name":"W","connectionType":"MULTI_DATAMART"}""";

        var response = await SendRaw($"Authorization: Bearer {org.Token}\r\nContent-Type: application/json\r\nContent-Length: 20", Body);

        Assert.Equal(400, response.Status);
        Assert.Contains("is not valid JSON", response.Body, StringComparison.Ordinal);
        Assert.Empty(await Client.ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task ChunkedBody_IsRead()
    {
        var org = await Api.CreateOrganizationAsync();
        const string Body = """{"name":"Chunked","connectionType":"MULTI_DATAMART"}""";
        var chunked = $"{10:x}\r\n{Body[..10]}\r\n{Body.Length - 10:x}\r\n{Body[10..]}\r\n0\r\n\r\n";

        var response = await SendRaw($"Authorization: Bearer {org.Token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunked);

        Assert.Equal(200, response.Status);
        Assert.Equal(["Chunked"], await Client.ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task ChunkedBodyOver64KiB_IsRejected_WithoutADeclaredLength()
    {
        var org = await Api.CreateOrganizationAsync();
        var chunk = new string(' ', 16 * 1024);
        var chunked = string.Concat(Enumerable.Repeat($"{chunk.Length:x}\r\n{chunk}\r\n", 5)) + "0\r\n\r\n";

        var response = await SendRaw($"Authorization: Bearer {org.Token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunked);

        Assert.Equal(400, response.Status);
        Assert.Contains("must be at most 65536 bytes", response.Body, StringComparison.Ordinal);
    }
}
