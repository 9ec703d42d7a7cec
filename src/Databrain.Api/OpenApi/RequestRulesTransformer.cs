using System.Text.Json.Nodes;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// Writes the field rules of the create request into its schema: required fields, enumerations, lengths and
/// counts, from the same constants the validator and the domain use; the conditional rules as descriptions.
/// </summary>
public sealed class RequestRulesTransformer : IOpenApiSchemaTransformer
{
    private const string NameRule = "A name: 1 to 100 characters, no leading or trailing white space, no control characters; compared exactly.";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Type != typeof(CreateWorkspaceCommand) || schema.Properties is not { } properties)
        {
            return Task.CompletedTask;
        }

        schema.Required = new HashSet<string> { "name", "connectionType" };
        schema.AdditionalPropertiesAllowed = false;
        Name(properties["name"], "Unique within the organization. " + NameRule);
        Enumeration(properties["connectionType"], ConnectionTypes.WireNames, null);
        foreach (var required in schema.Required)
        {
            ((OpenApiSchema)properties[required]).Type = JsonSchemaType.String; // present and not null
        }

        Name(properties["datasourceName"], "Required when connectionType is DATASOURCE, not allowed otherwise; a datasource of the organization. " + NameRule);
        Name(properties["datamartName"], "Required when connectionType is DATAMART, not allowed otherwise; a datamart of the organization. " + NameRule);
        Name(properties["llmName"], "Primary LLM; an LLM of the organization. " + NameRule);
        Name(properties["themeName"], "A theme of the organization. " + NameRule);

        var copilot = (OpenApiSchema)properties["aiCopilotLlms"];
        copilot.MaxItems = Workspace.MaxCopilotLlms;
        copilot.UniqueItems = true;
        copilot.Description = $"LLMs AI Copilot offers; each an LLM of the organization, at most {Workspace.MaxCopilotLlms}, no repeats; [] means none.";
        if (copilot.Items is OpenApiSchema item)
        {
            Name(item, NameRule);
        }

        Describe(properties["isEnableMetricSuggestions"], "Default false.");
        Describe(properties["isEnableMetricSummary"], "Default false.");
        Enumeration(properties["summaryType"], SummaryTypes.WireNames, "Required when isEnableMetricSummary is true, not allowed otherwise.");
        var prompt = (OpenApiSchema)properties["customSummaryPrompt"];
        prompt.MaxLength = MetricSummary.MaxCustomPromptLength;
        prompt.Description = "Required (not blank) when summaryType is custom, not allowed otherwise.";
        return Task.CompletedTask;
    }

    private static void Name(IOpenApiSchema property, string description)
    {
        var schema = (OpenApiSchema)property;
        schema.MinLength = 1;
        schema.MaxLength = Domain.Common.NameRule.MaxLength;
        schema.Description = description;
    }

    private static void Enumeration(IOpenApiSchema property, IReadOnlyList<string> values, string? description)
    {
        var schema = (OpenApiSchema)property;
        schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        schema.Description = description;
    }

    private static void Describe(IOpenApiSchema property, string description) => ((OpenApiSchema)property).Description = description;
}
