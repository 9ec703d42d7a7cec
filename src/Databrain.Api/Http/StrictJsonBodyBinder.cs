using System.IO.Compression;
using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>
/// Step 1 of the contract's order of checks: content type, size, JSON shape. A failure is added to
/// <see cref="RequestProblems"/> and the action does not run. Binds a <see cref="JsonBody{T}"/> (the value with its
/// bytes, for a write that takes an <c>Idempotency-Key</c>) or the body's type itself.
/// </summary>
public sealed class StrictJsonBodyBinder : IModelBinder
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var request = bindingContext.HttpContext.Request;
        var bound = bindingContext.ModelType;
        var withBytes = bound.IsGenericType && bound.GetGenericTypeDefinition() == typeof(JsonBody<>);
        var body = await ReadBodyAsync(request);
        var model = body.IsSuccess
            ? StrictJsonReader.Read(body.Value, withBytes ? bound.GetGenericArguments()[0] : bound, "body")
            : Result<object>.Failure(body.Error);
        if (model.IsSuccess)
        {
            bindingContext.Result = ModelBindingResult.Success(withBytes
                ? Activator.CreateInstance(bound, model.Value, new ReadOnlyMemory<byte>(body.Value))
                : model.Value);
        }
        else
        {
            RequestProblems.Add(bindingContext, model.Error);
        }
    }

    private static async Task<Result<byte[]>> ReadBodyAsync(HttpRequest request)
    {
        // application/json, with at most a charset parameter, and that one utf-8 (quoted or not, in any case).
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Parameters.Any(p => !p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)
                || !HeaderUtilities.RemoveQuotes(p.Value).Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return Errors.InvalidRequestBody("Content-Type", "must be application/json (charset utf-8, if given)");
        }

        var tooLarge = Errors.InvalidRequestBody("body", $"must be at most {MaxBodyBytes} bytes");
        if (request.ContentLength > MaxBodyBytes)
        {
            return tooLarge;
        }

        var encodings = request.Headers.ContentEncoding;
        Func<Stream, Stream>? decoder = null;
        if (encodings.Count > 1 || (encodings.Count == 1 && !Decoders.TryGetValue(encodings[0]!.Trim(), out decoder)))
        {
            return Errors.InvalidRequestBody(HeaderNames.ContentEncoding, $"must be one of {string.Join(", ", Decoders.Keys)} (one value)");
        }

        // A decoder leaves the request body open: that stream is the server's to dispose.
        await using var decoding = decoder?.Invoke(request.Body);
        var decoded = decoding ?? request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await decoded.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                // The limit counts decoded bytes, so a small compressed body that expands (a "zip bomb") stops here.
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return tooLarge;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            // Kestrel gave up on the body: it stopped short of its declared Content-Length and stalled
            // (the minimum data rate), or its framing was broken.
            return Errors.InvalidRequestBody("body", "could not be read completely: it ended early or arrived too slowly");
        }
        catch (InvalidDataException)
        {
            return Errors.InvalidRequestBody(HeaderNames.ContentEncoding, "does not match the body: it could not be decoded");
        }

        return buffer.Length == 0 ? Errors.InvalidRequestBody("body", "is empty; a JSON object is required") : buffer.ToArray();
    }

    /// <summary>The encodings a body may be sent in (docs/api.md, "POST /api/v2/workspace"); compressed bytes are never read as JSON.</summary>
    private static readonly Dictionary<string, Func<Stream, Stream>?> Decoders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["identity"] = null,
        ["gzip"] = body => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),
        ["br"] = body => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true),
    };
}
