using System.Net.Http.Headers;

namespace Databrain.Client;

/// <summary>Reading one workspace: <c>GET /api/v2/workspace?name=…</c>.</summary>
public partial interface IDatabrainClient
{
    /// <summary>Read one workspace of the caller's organization by its exact name, whole, with its version as the ETag.</summary>
    /// <exception cref="DatabrainApiException">The API answered an error, such as <c>WORKSPACE_DOES_NOT_EXIST</c>.</exception>
    Task<DatabrainResponse<WorkspaceDetailsEnvelope>> GetWorkspaceAsync(string name, CancellationToken cancellationToken = default);
}

// The document describes GET /api/v2/workspace once: a list, or with name one workspace (a oneOf of the two
// envelopes, without a discriminator). Generators type such an answer as its first member (NSwag) or leave it
// empty (Kiota), so the generated ListWorkspacesAsync reads lists and this method reads one workspace, with the
// generated types and the generated client's own reading of answers.

/// <summary>The client of the Databrain Workspace API: one method per operation, generated from its OpenAPI document.</summary>
public partial class DatabrainClient
{
    /// <inheritdoc />
    public virtual async Task<DatabrainResponse<WorkspaceDetailsEnvelope>> GetWorkspaceAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v2/workspace?name=" + Uri.EscapeDataString(name), UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value);
        var status = (int)response.StatusCode;
        if (status == 200)
        {
            var answer = await ReadObjectResponseAsync<WorkspaceDetailsEnvelope>(response, headers, cancellationToken).ConfigureAwait(false);
            return answer.Object is { } envelope
                ? new DatabrainResponse<WorkspaceDetailsEnvelope>(status, headers, envelope)
                : throw new DatabrainApiException("Response was null which was not expected.", status, answer.Text, headers, null!);
        }

        var error = await ReadObjectResponseAsync<ErrorEnvelope>(response, headers, cancellationToken).ConfigureAwait(false);
        throw new DatabrainApiException<ErrorEnvelope>(error.Object?.Error?.Code ?? "error", status, error.Text, headers, error.Object!, null);
    }
}
