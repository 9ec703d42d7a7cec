using System.Net.Http.Headers;

namespace Databrain.Client.Protocol;

// The document describes GET /api/v2/workspace once: a list, or with name one workspace (a oneOf of the two
// envelopes, without a discriminator). Generators type such an answer as its first member, so the generated
// ListWorkspacesAsync reads lists and this method reads one workspace, with the generated types and reading.
internal partial class DatabrainProtocol
{
    public virtual async Task<ProtocolResponse<WorkspaceDetailsEnvelope>> GetWorkspaceAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v2/workspace?name=" + Uri.EscapeDataString(name), UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value);
        var status = (int)response.StatusCode;
        if (status == 200)
        {
            var answer = await ReadObjectResponseAsync<WorkspaceDetailsEnvelope>(response, headers, cancellationToken).ConfigureAwait(false);
            return answer.Object is { } envelope
                ? new ProtocolResponse<WorkspaceDetailsEnvelope>(status, headers, envelope)
                : throw new ProtocolException("Response was null which was not expected.", status, answer.Text, headers, null);
        }

        var error = await ReadObjectResponseAsync<ErrorEnvelope>(response, headers, cancellationToken).ConfigureAwait(false);
        throw new ProtocolException<ErrorEnvelope>(error.Object?.Error?.Code ?? "error", status, error.Text, headers, error.Object!, null);
    }
}
