using System.Text.Json.Nodes;
using Databrain.Application.History.Reading;
using Databrain.Application.Workspaces;
using Databrain.Domain.Workspaces;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// The query parameters as the values they are: the actions bind them as strings (so that a bad one is reported by
/// the validator with its field, as a body's would be), which the document would otherwise show as any text. Each
/// gets its type and range from the constants the validators use, and <c>name</c> is required where the API
/// requires it (a delete and a history; on GET it chooses between the list and one workspace).
/// </summary>
public sealed class QueryParametersTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, Func<OpenApiSchema>> Schemas = new(StringComparer.Ordinal)
    {
        ["isPagination"] = () => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        ["pageNumber"] = () => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
        ["pageSize"] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "1",
            Maximum = WorkspacePage.MaxSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ["nameStartsWith"] = () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = WorkspaceFilter.MaxPrefixLength },
        ["connectionType"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. ConnectionTypes.WireNames.Select(n => (JsonNode)JsonValue.Create(n))] },
        ["after"] = () => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
        ["limit"] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "1",
            Maximum = ChangeCursor.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            if (Schemas.TryGetValue(parameter.Name!, out var schema))
            {
                parameter.Schema = schema();
            }
            else if (parameter.Name == "name")
            {
                parameter.Required = context.Description.HttpMethod != HttpMethods.Get
                    || context.Description.RelativePath?.EndsWith("/history", StringComparison.Ordinal) == true;
            }
        }

        return Task.CompletedTask;
    }
}
