using Databrain.Api.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.OpenApi;

/// <summary>
/// A body bound as <see cref="JsonBody{T}"/> is described as the <c>T</c> it carries: its bytes are the service's,
/// not part of the API.
/// </summary>
public sealed class JsonBodyDescriptions(IModelMetadataProvider metadata) : IApiDescriptionProvider
{
    /// <summary>After the default provider, which made the parameter descriptions.</summary>
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        foreach (var parameter in context.Results.SelectMany(d => d.ParameterDescriptions))
        {
            if (parameter.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(JsonBody<>))
            {
                parameter.Type = type.GetGenericArguments()[0];
                parameter.ModelMetadata = metadata.GetMetadataForType(parameter.Type);
            }
        }
    }
}
