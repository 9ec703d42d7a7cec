using System.Globalization;
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
        ["pageNumber"] = () => WholeNumber("int32", minimum: 1, maximum: null),
        ["pageSize"] = () => WholeNumber("int32", minimum: 1, WorkspacePage.MaxSize),
        ["nameStartsWith"] = () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = WorkspaceFilter.MaxPrefixLength },
        ["connectionType"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. ConnectionTypes.WireNames.Select(n => (JsonNode)JsonValue.Create(n))] },
        ["after"] = () => WholeNumber("int64", minimum: 0, maximum: null),
        ["limit"] = () => WholeNumber("int32", minimum: 1, ChangeCursor.MaxLimit),
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

    private static OpenApiSchema WholeNumber(string format, int minimum, int? maximum) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = format,
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
    };
}
