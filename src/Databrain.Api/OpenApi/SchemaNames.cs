using System.Text.Json.Serialization.Metadata;
using Databrain.Api.Http;
using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// The names of the document's schemas, as a client of the API reads them (and as a generated client names
/// its types): an envelope is named after what it carries, the error envelope is <c>ErrorEnvelope</c>. Not the
/// C# names (<c>EnvelopeOfIReadOnlyListOfWorkspaceListItem</c>). A body is named after its type (<c>…Request</c>).
/// </summary>
public static class SchemaNames
{
    public const string ErrorEnvelope = "ErrorEnvelope";

    public static string? Of(JsonTypeInfo type)
    {
        return ApiName(type.Type) ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
    }

    /// <summary>
    /// The schema of <paramref name="type"/> as a reference to its component (added if missing), so that an
    /// answer a transformer declares names its schema as the generated ones do, instead of repeating it inline.
    /// </summary>
    public static async Task<IOpenApiSchema> ReferenceAsync(OpenApiOperationTransformerContext context, Type type, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        var name = Of(ApiJson.Options.GetTypeInfo(type))!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Envelope<>)
                ? await EnvelopeAsync(context, type.GetGenericArguments()[0], cancellationToken)
                : await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        }

        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>
    /// An envelope written out with references (the platform inlines every nested schema of a schema it is
    /// asked for): <c>data</c> what it carries or null, <c>error</c> an <c>Error</c> or null. The error
    /// envelope's <c>data</c> is always null and its <c>error</c> always there.
    /// </summary>
    private static async Task<OpenApiSchema> EnvelopeAsync(OpenApiOperationTransformerContext context, Type data, CancellationToken cancellationToken)
    {
        var error = await ReferenceAsync(context, typeof(Error), cancellationToken);
        var isError = data == typeof(object);
        IOpenApiSchema carried = isError
            ? new OpenApiSchema { Type = JsonSchemaType.Null }
            : data.IsGenericType && data.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? new OpenApiSchema { Type = JsonSchemaType.Null | JsonSchemaType.Array, Items = await ReferenceAsync(context, data.GetGenericArguments()[0], cancellationToken) }
                : new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, await ReferenceAsync(context, data, cancellationToken)] };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "data", "error" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["data"] = carried,
                ["error"] = isError ? error : new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, error] },
            },
        };
    }

    private static string? ApiName(Type type) => type switch
    {
        _ when type == typeof(Envelope<object>) => ErrorEnvelope,
        _ when type == typeof(Error) => "Error",
        _ when type == typeof(ErrorDetail) => "ErrorDetail",
        { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(Envelope<>) => $"{Carried(type.GetGenericArguments()[0])}Envelope",
        _ => null,
    };

    private static string Carried(Type data) =>
        data.IsGenericType && data.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? $"{data.GetGenericArguments()[0].Name.Replace("Item", "", StringComparison.Ordinal)}"
            : data.Name;
}
