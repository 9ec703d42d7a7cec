using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Databrain.Api.Http;
using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// Every operation: its error responses in the envelope, each code under its status with an example (every code
/// the requests it sends can be answered with, <see cref="RequestErrors.Of"/>), and a JSON-only body.
/// </summary>
public sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var codes = SendsAttribute.ErrorsOf(context.Description.ActionDescriptor.EndpointMetadata);
        var envelope = await SchemaNames.ReferenceAsync(context, typeof(Envelope<object>), cancellationToken);

        operation.Responses ??= [];
        foreach (var status in codes.GroupBy(ApiResponses.StatusCodeOf).OrderBy(g => g.Key))
        {
            var examples = status.ToDictionary(
                code => code,
                code => (IOpenApiExample)new OpenApiExample { Summary = code, Value = Example(ErrorExamples.ByCode[code]) });
            operation.Responses[status.Key.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = string.Join(", ", status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = envelope, Examples = examples },
                },
            };
        }

        if (operation.RequestBody?.Content is { } content)
        {
            // The body is read strictly as JSON; no other media type is accepted.
            foreach (var other in content.Keys.Where(k => k != "application/json").ToArray())
            {
                content.Remove(other);
            }
        }
    }

    private static JsonNode Example(Error error) =>
        JsonSerializer.SerializeToNode(ApiResponses.EnvelopeOf(error), ApiJson.Options)!;
}
