using Databrain.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// Times are written by <see cref="WireConverters.UtcMilliseconds"/>. A custom converter hides the JSON type from
/// the schema generator, which then writes only the format, and a client generator types a time as an untyped
/// object. This gives times back their JSON type, a string.
/// </summary>
public sealed class WireTimesTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }
}
