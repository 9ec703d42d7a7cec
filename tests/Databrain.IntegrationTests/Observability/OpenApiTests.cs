using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Databrain.Api.Http;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Observability;

/// <summary>The OpenAPI document, generated from the code: every operation, field, rule and error code.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private ServiceFactory _service = null!;
    private JsonElement _document;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _service = new ServiceFactory(_database, settings: new Dictionary<string, string> { ["OpenApi:Enabled"] = "true" });
        using var client = _service.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    private JsonElement CreateSchema => _document.GetProperty("components").GetProperty("schemas").GetProperty("CreateWorkspaceRequest");

    [Fact]
    public void Document_DescribesBothOperations_UnderTheBearerScheme()
    {
        var path = _document.GetProperty("paths").GetProperty("/api/v2/workspace");

        Assert.Equal("CreateWorkspace", path.GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ListWorkspaces", path.GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("DeleteWorkspace", path.GetProperty("delete").GetProperty("operationId").GetString());
        Assert.Equal("bearer", _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(_document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.Equal(Databrain.Api.Observability.ServiceVersion.Value, _document.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("UpdateWorkspace", path.GetProperty("put").GetProperty("operationId").GetString());
        Assert.Equal(["name", "isPagination", "pageNumber", "pageSize", "nameStartsWith", "connectionType"], path.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void Descriptions_ShowEveryAngleBracket_InACodeSpan()
    {
        // The reference page reads descriptions as Markdown: a bare <token> is an HTML tag, and the reader sees nothing.
        var hidden = Texts(_document, "$")
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(System.Text.RegularExpressions.Regex.Replace(t.Text, "`[^`]*`", string.Empty), "<[A-Za-z/][^>]*>"))
            .Select(t => $"{t.Path}: {t.Text}");

        Assert.Empty(hidden);
        Assert.Contains("`Authorization: Bearer <token>`", _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Every description and summary of the document, with where it is.</summary>
    private static IEnumerable<(string Path, string Text)> Texts(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name is "description" or "summary" && p.Value.ValueKind == JsonValueKind.String
                ? [($"{path}.{p.Name}", p.Value.GetString()!)]
                : Texts(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Texts(e, $"{path}[{i}]")),
        _ => [],
    };

    [Fact]
    public void RequestSchema_ListsEveryFieldOfTheRequest()
    {
        var fields = ((JsonTypeInfo)ApiJson.Options.GetTypeInfo(typeof(CreateWorkspaceRequest))).Properties.Select(p => p.Name);

        Assert.Equal(fields.Order(), CreateSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void RequestSchema_CarriesTheRules()
    {
        var properties = CreateSchema.GetProperty("properties");

        Assert.Equal(["name", "connectionType"], CreateSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["DATASOURCE", "DATAMART", "MULTI_DATASOURCE", "MULTI_DATAMART"], properties.GetProperty("connectionType").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["technicalAndInsightSummary", "forecastAndTrendAnalysis", "comparativeAndAnomalyDetection", "custom"],
            properties.GetProperty("summaryType").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        foreach (var name in new[] { "name", "datasourceName", "datamartName", "llmName", "themeName" })
        {
            Assert.Equal(1, properties.GetProperty(name).GetProperty("minLength").GetInt32());
            Assert.Equal(100, properties.GetProperty(name).GetProperty("maxLength").GetInt32());
        }

        Assert.Equal(20, properties.GetProperty("aiCopilotLlms").GetProperty("maxItems").GetInt32());
        Assert.Equal(100, properties.GetProperty("aiCopilotLlms").GetProperty("items").GetProperty("maxLength").GetInt32());
        Assert.Equal(2000, properties.GetProperty("customSummaryPrompt").GetProperty("maxLength").GetInt32());
        Assert.Contains("Required when connectionType is DATASOURCE", properties.GetProperty("datasourceName").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_AreDescribed_ETagOnAnswersWithOneWorkspace_IfMatchOnPutAndDelete()
    {
        var path = _document.GetProperty("paths").GetProperty("/api/v2/workspace");

        foreach (var method in new[] { "post", "get", "put" })
        {
            Assert.True(path.GetProperty(method).GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _), method);
        }

        foreach (var method in new[] { "put", "delete" })
        {
            var ifMatch = Assert.Single(path.GetProperty(method).GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match");
            Assert.Equal("header", ifMatch.GetProperty("in").GetString());
            Assert.Equal("string", ifMatch.GetProperty("schema").GetProperty("type").GetString());
        }
    }

    [Fact]
    public void IdempotencyKey_IsDescribedOnEveryWrite_WithTheReplayHeader()
    {
        var path = _document.GetProperty("paths").GetProperty("/api/v2/workspace");

        foreach (var method in new[] { "post", "put", "delete" })
        {
            var key = Assert.Single(path.GetProperty(method).GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
            Assert.Equal(255, key.GetProperty("schema").GetProperty("maxLength").GetInt32());
            Assert.True(path.GetProperty(method).GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _), method);
            Assert.True(path.GetProperty(method).GetProperty("responses").GetProperty("422").GetProperty("content").GetProperty("application/json").GetProperty("examples").TryGetProperty("IDEMPOTENCY_KEY_REUSED", out _), method);
        }

        Assert.DoesNotContain(path.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.False(_document.GetProperty("components").GetProperty("schemas").TryGetProperty("IdempotencyKey", out _));
    }

    [Fact]
    public void Get_AnswersTheListOrOneWorkspace()
    {
        var ok = _document.GetProperty("paths").GetProperty("/api/v2/workspace").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

        Assert.Equal(
            ["#/components/schemas/WorkspaceListEnvelope", "#/components/schemas/WorkspaceDetailsEnvelope"],
            ok.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString()));
    }

    /// <summary>Names a client generator turns into types: the API's words (…Request, …Envelope), not the code's (…Command, generics).</summary>
    [Fact]
    public void Schemas_HaveTheApisNames_NotTheCode()
    {
        var names = _document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToArray();
        var operations = _document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value).ToArray();

        Assert.All(names, name => Assert.Matches("^[A-Z][A-Za-z]*$", name));
        Assert.DoesNotContain(names, name => name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("Query", StringComparison.Ordinal)
            || name.StartsWith("Envelope", StringComparison.Ordinal) || name.Contains("IReadOnlyList", StringComparison.Ordinal));
        Assert.All(operations.Where(o => o.TryGetProperty("requestBody", out _)), operation => Assert.EndsWith(
            "Request", operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal));
        Assert.All(operations, operation => Assert.All(
            operation.GetProperty("responses").EnumerateObject().SelectMany(r => r.Value.GetProperty("content").EnumerateObject())
                .SelectMany(c => c.Value.GetProperty("schema") is var schema && schema.TryGetProperty("oneOf", out var many) ? many.EnumerateArray().ToArray() : [schema]),
            schema => Assert.EndsWith("Envelope", schema.GetProperty("$ref").GetString(), StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryErrorAnswer_IsTheErrorEnvelope_WhoseErrorIsAlwaysThere()
    {
        var errorEnvelope = _document.GetProperty("components").GetProperty("schemas").GetProperty("ErrorEnvelope").GetProperty("properties");
        var answers = _document.GetProperty("paths").GetProperty("/api/v2/workspace").EnumerateObject()
            .SelectMany(operation => operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name != "200"));

        Assert.All(answers, r => Assert.Equal("#/components/schemas/ErrorEnvelope", r.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()));
        Assert.Equal("null", errorEnvelope.GetProperty("data").GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/Error", errorEnvelope.GetProperty("error").GetProperty("$ref").GetString());
    }

    [Fact]
    public void UpdateSchema_HasCreatesFieldsAndRules_OptionalFieldsNullable_AndNoHeaderValue()
    {
        var update = _document.GetProperty("components").GetProperty("schemas").GetProperty("UpdateWorkspaceRequest");
        var properties = update.GetProperty("properties");

        Assert.Equal(
            CreateSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(),
            properties.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["name", "connectionType"], update.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("null", properties.GetProperty("llmName").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(20, properties.GetProperty("aiCopilotLlms").GetProperty("maxItems").GetInt32());
        Assert.Equal(
            CreateSchema.GetProperty("properties").GetProperty("datasourceName").GetProperty("description").GetString(),
            properties.GetProperty("datasourceName").GetProperty("description").GetString());
    }

    /// <summary>Every operation of the document (each path and method): the error codes its action's requests declare (<see cref="RequestErrors.Of"/>).</summary>
    private IEnumerable<(string Path, string Method, IReadOnlyList<string> Codes)> DeclaredErrors() =>
        _service.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Select(d => ("/" + d.RelativePath, d.HttpMethod!.ToLowerInvariant(), SendsAttribute.ErrorsOf(d.ActionDescriptor.EndpointMetadata)));

    [Fact]
    public void EveryOperation_ListsExactlyTheErrorsItsRequestsDeclare_EachUnderItsStatus_WithAnExampleEnvelope()
    {
        var operations = DeclaredErrors().ToArray();
        Assert.NotEmpty(operations);
        foreach (var (path, method, codes) in operations)
        {
            var responses = _document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
            var listed = responses.EnumerateObject().Where(r => r.Name != "200")
                .SelectMany(r => r.Value.GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject()
                    .Select(e => (Status: r.Name, Code: e.Name, Example: e.Value.GetProperty("value"))))
                .ToArray();

            Assert.Equal(codes.Order(), listed.Select(l => l.Code).Order());
            Assert.All(listed, l =>
            {
                Assert.Equal(ApiResponses.StatusCodeOf(l.Code).ToString(System.Globalization.CultureInfo.InvariantCulture), l.Status);
                Assert.Equal(JsonValueKind.Null, l.Example.GetProperty("data").ValueKind);
                Assert.Equal(l.Code, l.Example.GetProperty("error").GetProperty("code").GetString());
                Assert.False(string.IsNullOrWhiteSpace(l.Example.GetProperty("error").GetProperty("message").GetString()));
            });
        }
    }

    /// <summary>docs/api.md, "Errors by operation": a row per operation, with the codes its requests declare.</summary>
    [Fact]
    public void TheApiReferencesTableOfErrorsByOperation_IsTheDeclaredOne()
    {
        var reference = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "committed-api-reference.md"));
        var rows = reference.SkipWhile(l => l != "## Errors by operation").Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("| `INVALID", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells[1].Split(", ").Select(c => c.Trim('`')).ToArray());

        var declared = DeclaredErrors().ToDictionary(o => $"{o.Method.ToUpperInvariant()} {o.Path}", o => o.Codes);

        Assert.Equal(declared.Keys.Order(), rows.Keys.Order());
        Assert.All(declared, d => Assert.Equal(d.Value, rows[d.Key]));
    }

    [Fact]
    public void EveryApiErrorCodeOfTheCatalogue_AppearsInTheDocument()
    {
        string[] adminOnly = [Errors.UnknownOrganizationCode, Errors.ServiceTokenConflictCode, Errors.UnknownServiceTokenCode, Errors.ServiceTokenEndedCode];
        var codes = typeof(Errors).GetFields().Where(f => f.IsLiteral && f.Name.EndsWith("Code", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!).Except(adminOnly);
        var text = _document.GetRawText();

        Assert.All(codes, code => Assert.Contains($"\"{code}\"", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OutsideDevelopment_TheDocumentIsOffUnlessEnabled()
    {
        await using var production = new ServiceFactory(_database, environment: "Production");
        using var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scalar/")).StatusCode);
    }

    [Fact]
    public void TheServedDocument_IsTheCommittedOne()
    {
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "committed-openapi-v1.json")))!;
        var served = JsonNode.Parse(_document.GetRawText())!;

        // info.version is the build's version from git tags, different in every commit; the committed document has a fixed one.
        committed["info"]!["version"] = served["info"]!["version"]!.DeepClone();

        Assert.True(
            JsonNode.DeepEquals(committed, served),
            $"The OpenAPI document the service serves is not docs/openapi/v1.json (first difference at {FirstDifference(committed, served, "$")}). "
            + "Run build/generate-client.sh, which regenerates the document and the .NET client from it, and commit both.");
    }

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path) => (expected, actual) switch
    {
        (JsonObject e, JsonObject a) => e.Select(p => p.Key).Union(a.Select(p => p.Key))
            .Select(key => JsonNode.DeepEquals(e[key], a[key]) ? null : FirstDifference(e[key], a[key], $"{path}.{key}"))
            .FirstOrDefault(difference => difference is not null) ?? path,
        (JsonArray e, JsonArray a) when e.Count == a.Count => Enumerable.Range(0, e.Count)
            .Select(i => JsonNode.DeepEquals(e[i], a[i]) ? null : FirstDifference(e[i], a[i], $"{path}[{i}]"))
            .FirstOrDefault(difference => difference is not null) ?? path,
        _ => path,
    };
}
