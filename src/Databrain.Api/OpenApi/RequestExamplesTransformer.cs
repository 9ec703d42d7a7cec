using System.Text.Json.Nodes;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.UpdateWorkspace;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// Request examples, so that the reference page's "try it" sends a valid request at the first click: the first
/// example of a body is the one it fills in. They name the demo organization's catalog (Development's
/// <c>demo-seed.json</c>), and run in order: the create makes "Sales Analytics", which the update, the read
/// and the delete then name. A test sends every one of them to a Development service.
/// </summary>
public sealed class RequestExamplesTransformer : IOpenApiOperationTransformer
{
    public const string WorkspaceName = "Sales Analytics";

    private static readonly Dictionary<Type, (string Name, string Summary, string Json)[]> Bodies = new()
    {
        [typeof(CreateWorkspaceRequest)] =
        [
            ("datasource", "One datasource", $$"""{"name":"{{WorkspaceName}}","connectionType":"DATASOURCE","datasourceName":"postgres-main"}"""),
            ("datamart", "One datamart, with a theme", """{"name":"Sales Mart","connectionType":"DATAMART","datamartName":"sales-mart","themeName":"dark"}"""),
            ("multipleDatamartsWithAi", "Several datamarts, with every AI setting", """
                {"name":"Revenue Insights","connectionType":"MULTI_DATAMART","llmName":"gpt-4o","aiCopilotLlms":["gpt-4o","claude-sonnet"],
                 "isEnableMetricSuggestions":true,"isEnableMetricSummary":true,"summaryType":"custom",
                 "customSummaryPrompt":"Summarise the week's revenue by region.","themeName":"dark"}
                """),
        ],
        [typeof(UpdateWorkspaceRequest)] =
        [
            ("newConnectionAndLlm", "Another datasource and a primary LLM", $$"""{"name":"{{WorkspaceName}}","connectionType":"DATASOURCE","datasourceName":"snowflake-dw","llmName":"claude-sonnet"}"""),
            ("clearTheLlm", "null clears an optional setting", $$"""{"name":"{{WorkspaceName}}","connectionType":"DATASOURCE","datasourceName":"snowflake-dw","llmName":null}"""),
        ],
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body")?.Type;
        if (body is not null && Bodies.TryGetValue(body, out var examples) && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) is true)
        {
            media.Examples = examples.ToDictionary(
                e => e.Name,
                e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = JsonNode.Parse(e.Json) });
        }

        foreach (var name in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p is { In: ParameterLocation.Query, Name: "name" }) ?? [])
        {
            name.Example = JsonValue.Create(WorkspaceName);
        }

        return Task.CompletedTask;
    }
}
