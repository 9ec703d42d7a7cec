using System.Text.Json;
using Databrain.Api.Http;
using Databrain.Api.Observability;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>The document: what the API is, its bearer scheme (required everywhere), and the errors of the host itself.</summary>
public sealed class BearerSchemeTransformer : IOpenApiDocumentTransformer
{
    public const string Scheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Databrain Workspace API",
            Version = ServiceVersion.Value, // the service's version; the API's own is v2, in every path
            Description =
                "Create, list, read, update and delete the workspaces of your organization with a service token. "
                + "An answer that carries one workspace has an opaque ETag that names that workspace and version; PUT and DELETE take If-Match. Every response is the envelope "
                + "{\"data\": …, \"error\": …}; error.details lists every problem of an INVALID_REQUEST_BODY. "
                + $"Any other route answers 404 {HostErrors.NotFoundCode}, any other method 405 {HostErrors.MethodNotAllowedCode}.",
        };
        // No servers: the document describes the API wherever it runs, so that the copy a service serves and the one
        // committed in docs/openapi are the same; a client is given its base address, and the reference page uses its own.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            // In a code span: the reference page reads descriptions as Markdown, where a bare <token> is an HTML tag and vanishes.
            Description = "A service token of your organization: `Authorization: Bearer <token>`. Any failure answers 401 INVALID_DATA_APP_API_KEY.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];

        // Answers of the host for what no operation serves, with their examples.
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var code in new[] { HostErrors.NotFoundCode, HostErrors.MethodNotAllowedCode })
        {
            document.Components.Responses[code] = new OpenApiResponse
            {
                Description = $"{ApiResponses.StatusCodeOf(code)} {code}",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Example = JsonSerializer.SerializeToNode(ApiResponses.EnvelopeOf(ErrorExamples.ByCode[code]), ApiJson.Options) },
                },
            };
        }

        // If-Match and Idempotency-Key are described as the strings they are on the wire (SuccessResponsesTransformer),
        // not as the values they bind to.
        document.Components.Schemas?.Remove(nameof(Application.Workspaces.Rules.ExpectedVersion));
        document.Components.Schemas?.Remove(nameof(Application.Common.Idempotency.IdempotencyKey));
        return Task.CompletedTask;
    }
}
