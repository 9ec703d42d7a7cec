using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Databrain.Api.OpenApi;

/// <summary>
/// Request examples, so that the reference page's "try it" sends a valid request at the first click: each action's
/// <see cref="BodyExampleAttribute"/>s, and <see cref="WorkspaceName"/> for a <c>name</c> query parameter. They name
/// the demo organization's catalog (Development's <c>demo-seed.json</c>), and run in order: the create makes
/// "Marketing Overview" (a name of its own: the README's walks create theirs), which the update, the read and the delete then name. A test sends every one of them to a
/// Development service.
/// </summary>
public sealed class RequestExamplesTransformer : IOpenApiOperationTransformer
{
    public const string WorkspaceName = "Marketing Overview";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<BodyExampleAttribute>().ToArray();
        if (examples.Length > 0 && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) is true)
        {
            media.Examples = examples.ToDictionary(
                e => e.Name,
                e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = JsonNode.Parse(e.Json) });
        }

        foreach (var name in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p is { In: ParameterLocation.Query, Name: "name" }) ?? [])
        {
            name.Example = JsonValue.Create(WorkspaceName);
        }

        return Task.CompletedTask;
    }
}
