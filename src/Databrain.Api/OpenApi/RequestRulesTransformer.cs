using System.Text.Json.Nodes;
using Databrain.Api.Http;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// Writes the field rules of every workspace body (any request implementing <see cref="IWorkspaceFields"/>)
/// into its schema: required fields, enumerations, lengths and counts from the constants the validator and
/// the domain use, and each field's description from the one table of <see cref="WorkspaceFields"/>.
/// </summary>
public sealed class RequestRulesTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(IWorkspaceFields).IsAssignableFrom(context.JsonTypeInfo.Type) || schema.Properties is not { } properties)
        {
            return;
        }

        // An optional field (update: left out keeps, null clears) is described as the value it holds.
        foreach (var property in context.JsonTypeInfo.Properties.Where(p => WireConverters.Unwrapped(p.PropertyType) != p.PropertyType))
        {
            var held = (OpenApiSchema)await context.GetOrCreateSchemaAsync(WireConverters.Unwrapped(property.PropertyType), null, cancellationToken);
            held.Type |= JsonSchemaType.Null; // null is a value here: it clears
            properties[property.Name] = held;
        }

        schema.Required = new HashSet<string>(WorkspaceFields.Required);
        schema.AdditionalPropertiesAllowed = false;
        foreach (var required in WorkspaceFields.Required)
        {
            ((OpenApiSchema)properties[required]).Type = JsonSchemaType.String; // present and not null
        }

        foreach (var (field, description) in WorkspaceFields.Descriptions)
        {
            ((OpenApiSchema)properties[field]).Description = description;
        }

        foreach (var field in WorkspaceFields.NameFields)
        {
            Name(properties[field]);
        }

        Enumeration(properties[WorkspaceFields.ConnectionType], ConnectionTypes.WireNames);
        Enumeration(properties[WorkspaceFields.SummaryType], SummaryTypes.WireNames);
        var copilot = (OpenApiSchema)properties[WorkspaceFields.AiCopilotLlms];
        copilot.MaxItems = WorkspaceAiSettings.MaxCopilotLlms;
        copilot.UniqueItems = true;
        if (copilot.Items is { } item)
        {
            Name(item);
        }

        ((OpenApiSchema)properties[WorkspaceFields.CustomSummaryPrompt]).MaxLength = MetricSummary.MaxCustomPromptLength;
    }

    private static void Name(IOpenApiSchema property)
    {
        var schema = (OpenApiSchema)property;
        schema.MinLength = 1;
        schema.MaxLength = NameRule.MaxLength;
    }

    private static void Enumeration(IOpenApiSchema property, IReadOnlyList<string> values) =>
        ((OpenApiSchema)property).Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
}
