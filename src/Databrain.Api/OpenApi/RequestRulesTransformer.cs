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
/// the domain use, and each field's description from the one table below, in the validator's words.
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

        foreach (var (field, description) in Descriptions)
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

    /// <summary>What the API reference says of each field, from the validator's words and the domain's constants.</summary>
    private static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [WorkspaceFields.Name] = $"The workspace's name, unique within the organization. A name: {NameRule.Summary}.",
        [WorkspaceFields.ConnectionType] = $"It {WorkspaceFields.MustBeOneOf(ConnectionTypes.WireNames)}.",
        [WorkspaceFields.DatasourceName] = SourceDescription(ConnectionType.Datasource, "datasource"),
        [WorkspaceFields.DatamartName] = SourceDescription(ConnectionType.Datamart, "datamart"),
        [WorkspaceFields.LlmName] = $"The primary LLM, an LLM of the organization. A name: {NameRule.Summary}.",
        [WorkspaceFields.AiCopilotLlms] = $"The LLMs AI Copilot offers, each an LLM of the organization ([] means none). It {WorkspaceFields.AtMostCopilotLlms} and must not repeat a value. Each a name: {NameRule.Summary}.",
        [WorkspaceFields.IsEnableMetricSuggestions] = "Metric suggestions on or off; default false.",
        [WorkspaceFields.IsEnableMetricSummary] = "Metric summaries on or off; default false.",
        [WorkspaceFields.SummaryType] = $"{Rule(WorkspaceFields.SummaryTypeRequired)}; {WorkspaceFields.SummaryTypeNotAllowed[3..]}. It {WorkspaceFields.MustBeOneOf(SummaryTypes.WireNames)}.",
        [WorkspaceFields.CustomSummaryPrompt] = $"{Rule(WorkspaceFields.PromptRequired)}; {WorkspaceFields.PromptNotAllowed[3..]}; it {WorkspaceFields.PromptTooLong} and {WorkspaceFields.NoNulCharacter}.",
        [WorkspaceFields.ThemeName] = $"A theme of the organization. A name: {NameRule.Summary}.",
    };

    private static string SourceDescription(ConnectionType type, string what) =>
        $"{Rule(WorkspaceFields.RequiredWithConnectionType(type.ToWire()))}, not allowed with any other; a {what} of the organization. A name: {NameRule.Summary}.";

    /// <summary>"is required when …" as the start of a description: "Required when …".</summary>
    private static string Rule(string message) => char.ToUpperInvariant(message[3]) + message[4..];
}
