using System.Net.Http.Headers;
using Databrain.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IDatabrainClient"/> as a typed client of <see cref="IHttpClientFactory"/>.</summary>
public static class DatabrainClientRegistration
{
    /// <summary>
    /// Adds <see cref="IDatabrainClient"/>, calling the service at <paramref name="baseAddress"/> with the organization's
    /// <paramref name="serviceToken"/>. The returned builder adds handlers, resilience or timeouts as for any typed client.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="baseAddress">Where the service is, such as <c>https://workspaces.example.com/</c>.</param>
    /// <param name="serviceToken">A service token of the organization (sent as <c>Authorization: Bearer …</c>).</param>
    public static IHttpClientBuilder AddDatabrainClient(this IServiceCollection services, Uri baseAddress, string serviceToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceToken);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be absolute, such as https://workspaces.example.com/.", nameof(baseAddress));
        }

        // Operations are relative paths (api/v2/workspace): a base address without its final slash would lose its
        // last segment when they are resolved against it.
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return services.AddHttpClient<IDatabrainClient, DatabrainClient>(client =>
        {
            client.BaseAddress = root;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", serviceToken);
        });
    }
}
