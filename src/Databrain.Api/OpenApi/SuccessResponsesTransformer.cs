using Databrain.Api.Http;
using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// Every operation's 200 answer and its headers: one schema per answer the action declares (GET answers the
/// list or one workspace, so its 200 is one of two envelopes), the <c>ETag</c> header where the answer carries
/// one workspace (<see cref="IVersioned"/>), and <c>If-Match</c> described as the string it is on the wire.
/// </summary>
public sealed class SuccessResponsesTransformer : IOpenApiOperationTransformer
{
    private const string OkStatus = "200";

    /// <summary>Every answer of a keyed write (a success or a remembered rejection) may be a replay.</summary>
    private static void AddReplayedHeader(OpenApiOperation operation)
    {
        foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[ApiResponses.ReplayedHeader] = new OpenApiHeader
            {
                Description = "true when this is the remembered answer of an earlier request with the same Idempotency-Key.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
            };
        }
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // From the endpoint's metadata: the API explorer keeps only one answer per status code.
        var answers = context.Description.ActionDescriptor.EndpointMetadata.OfType<IApiResponseMetadataProvider>()
            .Where(r => r.StatusCode == StatusCodes.Status200OK && r.Type is not null)
            .Select(r => r.Type!)
            .Distinct()
            .ToArray();
        if (operation.Responses?.TryGetValue(OkStatus, out var declared) is true && declared is OpenApiResponse ok && answers.Length > 0)
        {
            if (answers.Length > 1 && ok.Content?.TryGetValue("application/json", out var media) is true)
            {
                var schemas = new List<IOpenApiSchema>();
                foreach (var answer in answers)
                {
                    schemas.Add(await SchemaNames.ReferenceAsync(context, answer, cancellationToken));
                }

                media.Schema = new OpenApiSchema { OneOf = schemas };
            }

            if (SendsAttribute.AnswersOf(context.Description.ActionDescriptor.EndpointMetadata).Any(typeof(ICounted).IsAssignableFrom))
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers[ApiResponses.TotalCountHeader] = new OpenApiHeader
                {
                    Description = "On a page (isPagination=true): how many workspaces match the filters, over every page.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+$" },
                };
            }

            if (answers.Any(a => typeof(IVersioned).IsAssignableFrom(a.GetGenericArguments().FirstOrDefault() ?? a)))
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers[HeaderNames.ETag] = new OpenApiHeader
                {
                    Description = "An opaque strong entity tag that names this workspace and this version, for If-Match (on read one, create and update). Echo it; do not build it.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = System.Text.Json.Nodes.JsonValue.Create("\"01937c1e-6f2a-7b3c-9d41-5e8f0a2b4c6d.3\""),
                };
            }
        }

        // No example values for these optional headers: the reference page would send them with every "try it",
        // and a fixed If-Match or key would make the second click fail.
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Header) ?? [])
        {
            if (parameter.Name == HeaderNames.IfMatch)
            {
                parameter.Description = $"Optional. The version the change applies to: it {IfMatchHeaderAttribute.Problem}. A tag that names no current version of this workspace (another workspace's, an older one, or a bare \"3\" of earlier releases): 412.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
            }
            else if (parameter.Name == IdempotencyKeyHeaderAttribute.HeaderName)
            {
                parameter.Description =
                    $"Optional. Makes the write safe to retry: it {IdempotencyKeyHeaderAttribute.Problem}, unique per request, remembered per organization "
                    + "for Idempotency:RetentionHours (24). A retry of the same request (method, path, query, JSON-equal body) gets the first answer again "
                    + "with Idempotent-Replayed: true; the key with another request gets 422 IDEMPOTENCY_KEY_REUSED.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 };
                AddReplayedHeader(operation);
            }
        }
    }
}
