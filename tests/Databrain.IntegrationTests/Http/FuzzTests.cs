using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Databrain.IntegrationTests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// Property-based tests (FsCheck): random JSON bodies and random mutations of valid bodies never produce a
/// 500, and every generated valid body is accepted.
/// </summary>
public abstract class FuzzTests(ApiFixture api) : ApiTests(api)
{
    private const int Runs = 150;

    private static readonly string[] Properties =
        ["name", "connectionType", "datasourceName", "datamartName", "llmName", "aiCopilotLlms", "isEnableMetricSuggestions",
         "isEnableMetricSummary", "summaryType", "customSummaryPrompt", "themeName"];

    private static readonly HashSet<string> Codes =
        ["INVALID_REQUEST_BODY", "WORKSPACE_NAME_ALREADY_EXISTS", "INVALID_DATASOURCE_NAME", "INVALID_DATAMART_NAME", "INVALID_LLM_NAME",
         "INVALID_AI_COPILOT_LLMS", "INVALID_THEME_NAME"];

    private static Gen<string> Text =>
        Gen.OneOf(
            Gen.Elements("", " ", "DATASOURCE", "DATAMART", "MULTI_DATASOURCE", "custom", "postgres-main", "sales-mart", "gpt-4o", "dark", "Sales", "\u0000", "é名✓", "\ud83d\ude00", "\"quoted\"", "a\\b", new string('x', 101)),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));

    private static Gen<JsonNode?> Value(int depth) =>
        depth <= 0
            ? Scalar
            : Gen.OneOf(
                Scalar,
                Gen.ListOf(Value(depth - 1)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
                Gen.ListOf(Gen.Zip(Gen.OneOf(Gen.Elements(Properties), Text), Value(depth - 1)))
                    .Select(pairs => (JsonNode?)ToObject(pairs)));

    private static Gen<JsonNode?> Scalar =>
        Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
            ArbMap.Default.GeneratorFor<long>().Select(n => (JsonNode?)JsonValue.Create(n)),
            ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
            Text.Select(s => (JsonNode?)JsonValue.Create(s)));

    private static JsonObject ToObject(IEnumerable<(string Key, JsonNode? Value)> pairs)
    {
        var result = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    /// <summary>Objects over the request's own property names (and some others), with values of any JSON type.</summary>
    private static Gen<string> RandomBodies =>
        Gen.OneOf(
            Gen.ListOf(Gen.Zip(Gen.OneOf(Gen.Elements(Properties), Gen.Elements(Properties), Text), Value(2))).Select(pairs => ToObject(pairs).ToJsonString()),
            Value(3).Select(node => node?.ToJsonString() ?? "null"),
            Text);

    /// <summary>A body the contract accepts: names from the test catalog, consistent conditional fields, a unique name.</summary>
    private static Gen<JsonObject> ValidBodies =>
        from namePrefix in Gen.Elements("Sales", "Ünïcødé 名前", "a", "x y z", "Q3 – revenue ✓", "\ud83d\ude00 emoji")
        from type in Gen.Elements("DATASOURCE", "DATAMART", "MULTI_DATASOURCE", "MULTI_DATAMART")
        from datasource in Gen.Elements(TestOrganization.Datasources)
        from datamart in Gen.Elements(TestOrganization.Datamarts)
        from llm in Gen.Elements(TestOrganization.Llms.Append(null).ToArray())
        from copilot in Gen.SubListOf(TestOrganization.Llms)
        from suggestions in Gen.Elements<bool?>(true, false, null)
        from summary in Gen.Elements<string?>(null, "off", "technicalAndInsightSummary", "forecastAndTrendAnalysis", "comparativeAndAnomalyDetection", "custom")
        from prompt in Gen.Elements("Explain it.", "  padded prompts are fine  ", new string('p', 2000))
        from theme in Gen.Elements(TestOrganization.Themes.Append(null).ToArray())
        select ValidBody(namePrefix, type, datasource, datamart, llm, copilot, suggestions, summary, prompt, theme);

    private static JsonObject ValidBody(string namePrefix, string type, string datasource, string datamart, string? llm, IList<string> copilot, bool? suggestions, string? summary, string prompt, string? theme)
    {
        var body = new JsonObject { ["name"] = $"{namePrefix} {Guid.NewGuid():N}"[..Math.Min(100, namePrefix.Length + 33)], ["connectionType"] = type };
        if (type == "DATASOURCE")
        {
            body["datasourceName"] = datasource;
        }

        if (type == "DATAMART")
        {
            body["datamartName"] = datamart;
        }

        body["llmName"] = llm;
        body["aiCopilotLlms"] = new JsonArray(copilot.Select(c => (JsonNode?)c).ToArray());
        body["isEnableMetricSuggestions"] = suggestions;
        if (summary == "off")
        {
            body["isEnableMetricSummary"] = false;
        }
        else if (summary is not null)
        {
            body["isEnableMetricSummary"] = true;
            body["summaryType"] = summary;
            body["customSummaryPrompt"] = summary == "custom" ? prompt : null;
        }

        body["themeName"] = theme;
        return body;
    }

    /// <summary>One to four edits of the text: delete, insert, replace or duplicate characters, or cut the end off.</summary>
    private static Gen<string> Mutations(string text) =>
        Gen.ListOf(Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, text.Length), ArbMap.Default.GeneratorFor<char>())))
            .Where(edits => edits.Count is > 0 and <= 4)
            .Select(edits => edits.Aggregate(text, (current, edit) =>
            {
                var (kind, (at, c)) = edit;
                var i = Math.Min(at, current.Length);
                return kind switch
                {
                    0 when i < current.Length => current.Remove(i, 1),
                    1 => current.Insert(i, c.ToString()),
                    2 when i < current.Length => current.Remove(i, 1).Insert(i, c.ToString()),
                    3 => current.Insert(i, current[i..Math.Min(current.Length, i + 8)]),
                    _ => current[..i],
                };
            }));

    private static Gen<string> MutatedValidBodies => ValidBodies.SelectMany(body => Mutations(body.ToJsonString()));

    private bool AnswersWithoutFault(string token, string body)
    {
        var response = Client.CreateWorkspaceRawAsync(token, body).GetAwaiter().GetResult();
        using var envelope = JsonDocument.Parse(response.Body);
        var error = envelope.RootElement.GetProperty("error");
        return response.Status switch
        {
            HttpStatusCode.OK => error.ValueKind == JsonValueKind.Null,
            HttpStatusCode.BadRequest => Codes.Contains(error.GetProperty("code").GetString()!),
            _ => false,
        };
    }

    [Fact]
    public async Task RandomJsonBodies_NeverCauseAFault()
    {
        var org = await Api.CreateOrganizationAsync();

        Prop.ForAll(RandomBodies.ToArbitrary(), body => AnswersWithoutFault(org.Token, body))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true));
    }

    [Fact]
    public async Task MutatedValidBodies_NeverCauseAFault()
    {
        var org = await Api.CreateOrganizationAsync();

        Prop.ForAll(MutatedValidBodies.ToArbitrary(), body => AnswersWithoutFault(org.Token, body))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true));
    }

    [Fact]
    public async Task EveryValidBody_IsAccepted_AndListed()
    {
        var org = await Api.CreateOrganizationAsync();
        var accepted = new List<string>();

        Prop.ForAll(ValidBodies.ToArbitrary(), body =>
        {
            var response = Client.CreateWorkspaceRawAsync(org.Token, body.ToJsonString()).GetAwaiter().GetResult();
            accepted.Add(body["name"]!.GetValue<string>());
            return response.Status == HttpStatusCode.OK;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true));

        Assert.Equal(accepted.Order(StringComparer.Ordinal), (await Client.ListNamesAsync(org.Token)).Order(StringComparer.Ordinal));
    }
}
