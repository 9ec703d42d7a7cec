using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>Binds a parameter from the request body with <see cref="StrictJsonReader"/> and the body limits of the contract.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class StrictJsonBodyAttribute : ModelBinderAttribute
{
    public StrictJsonBodyAttribute()
        : base(typeof(StrictJsonBodyBinder))
    {
        BindingSource = BindingSource.Body;
    }
}

/// <summary>
/// Step 1 of the contract's order of checks: content type, size, JSON shape. A failure is added to
/// <see cref="RequestProblems"/> and the action does not run.
/// </summary>
public sealed class StrictJsonBodyBinder : IModelBinder
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly object BodyKey = new();

    /// <summary>The bytes of a body this binder read and accepted (for the idempotency fingerprint); null when there is none.</summary>
    public static ReadOnlyMemory<byte>? BodyRead(HttpContext context)
    {
        return context.Items[BodyKey] is byte[] body ? new ReadOnlyMemory<byte>(body) : null;
    }

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var request = bindingContext.HttpContext.Request;
        var body = await ReadBodyAsync(request);
        var model = body.IsSuccess
            ? StrictJsonReader.Read(body.Value, bindingContext.ModelType, "body")
            : Result<object>.Failure(body.Error);
        if (model.IsSuccess)
        {
            bindingContext.HttpContext.Items[BodyKey] = body.Value;
            bindingContext.Result = ModelBindingResult.Success(model.Value);
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

/// <summary>
/// Reads JSON into a request type strictly (docs/adr/0004-strict-json-reading.md): one object, exact
/// property names, no unknown or repeated property, every value of its declared JSON type (or null, which
/// means "absent"). Unlike a bare deserializer, which stops at the first problem with a message naming .NET
/// types, it reports every problem, each with its JSON path (<c>aiCopilotLlms[2]</c>, <c>organizations[0].name</c>).
/// </summary>
public static class StrictJsonReader
{
    private const string InvalidText = "is not valid UTF-8 text (or escapes a lone UTF-16 surrogate, such as \\ud800)";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <param name="utf8Json">The JSON text.</param>
    /// <param name="rootName">What to call the whole document in errors: <c>body</c>, or a seed file's name.</param>
    public static Result<T> Read<T>(ReadOnlyMemory<byte> utf8Json, string rootName)
    {
        var result = Read(utf8Json, typeof(T), rootName);
        return result.IsSuccess ? Result<T>.Success((T)result.Value) : Result<T>.Failure(result.Error);
    }

    /// <summary>
    /// The same, for a type known only at run time (model binding). Results are built explicitly here:
    /// with T = object, an implicit conversion would turn an <see cref="Error"/> into a success.
    /// </summary>
    public static Result<object> Read(ReadOnlyMemory<byte> utf8Json, Type type, string rootName)
    {
        // RFC 8259 lets a parser ignore a UTF-8 byte-order mark; System.Text.Json's reader would reject it.
        if (utf8Json.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json.Span))
        {
            return Result<object>.Failure(Errors.InvalidRequestBody(rootName, InvalidText));
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            var typeInfo = ApiJson.Options.GetTypeInfo(type);
            var problems = new Problems();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ErrorDetail(rootName, "must be a JSON object"));
            }
            else
            {
                Check(document.RootElement, typeInfo, path: string.Empty, problems);
            }

            return problems.Total > 0
                ? Result<object>.Failure(Errors.InvalidRequestBody(problems.Kept, problems.Total))
                : Deserialize(document.RootElement, typeInfo, rootName);
        }
        catch (JsonException ex)
        {
            return Result<object>.Failure(Errors.InvalidRequestBody(rootName, $"is not valid JSON: {ex.Message}"));
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this for a string it cannot decode: an escaped lone UTF-16 surrogate ("\ud800").
            return Result<object>.Failure(Errors.InvalidRequestBody(rootName, InvalidText));
        }
    }

    /// <summary>
    /// The shape is already checked, so what is left to fail is the text of a string: an escaped lone UTF-16
    /// surrogate (<c>"\ud800"</c>), which no string may hold.
    /// </summary>
    private static Result<object> Deserialize(JsonElement root, JsonTypeInfo typeInfo, string rootName)
    {
        try
        {
            return Result<object>.Success(root.Deserialize(typeInfo)!);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Result<object>.Failure(Errors.InvalidRequestBody(rootName, InvalidText));
        }
    }

    private static void Check(JsonElement element, JsonTypeInfo typeInfo, string path, Problems problems)
    {
        if (element.ValueKind == JsonValueKind.Null && path.Length > 0)
        {
            return;
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                CheckProperties(element, typeInfo, path, problems);
                return;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array:
                var itemInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, itemInfo, $"{path}[{index++}]", problems);
                }

                return;
            case JsonTypeInfoKind.None when FitsScalar(element, typeInfo.Type):
                return;
            default:
                problems.Add(new ErrorDetail(path, $"must be {Describe(typeInfo)}"));
                return;
        }
    }

    private static void CheckProperties(JsonElement element, JsonTypeInfo typeInfo, string path, Problems problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                problems.Add(new ErrorDetail(propertyPath, "appears more than once"));
                continue;
            }

            var info = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
            if (info is null)
            {
                problems.Add(new ErrorDetail(propertyPath, "is not a known property"));
                continue;
            }

            // An optional property (left out or given) is read as the type it holds.
            Check(property.Value, typeInfo.Options.GetTypeInfo(WireConverters.Unwrapped(info.PropertyType)), propertyPath, problems);
        }
    }

    private static bool FitsScalar(JsonElement element, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) => element.ValueKind == JsonValueKind.String,
            var t when t == typeof(bool) => element.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => throw new NotSupportedException($"Request property type {type} has no strict reading rule yet."),
        };

    /// <summary>
    /// The problems found: counted all, kept up to <see cref="Errors.MaxDetails"/>, so that a body of 32,000 wrong
    /// values costs no more memory than one of 50. A path is cut at <see cref="MaxFieldLength"/> characters: an
    /// unknown property's name comes from the client and may be as long as the body.
    /// </summary>
    private sealed class Problems
    {
        private const int MaxFieldLength = 100;

        public List<ErrorDetail> Kept { get; } = [];

        public int Total { get; private set; }

        public void Add(ErrorDetail problem)
        {
            Total++;
            if (Kept.Count < Errors.MaxDetails)
            {
                Kept.Add(problem.Field.Length <= MaxFieldLength ? problem : problem with { Field = string.Concat(problem.Field.AsSpan(0, MaxFieldLength), "…") });
            }
        }
    }

    private static string Describe(JsonTypeInfo typeInfo) => typeInfo.Kind switch
    {
        JsonTypeInfoKind.Object => "a JSON object",
        JsonTypeInfoKind.Enumerable => $"an array of {Plural(typeInfo.Options.GetTypeInfo(typeInfo.ElementType!))}",
        _ => (Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type) == typeof(bool) ? "a boolean (true or false)" : "a string",
    };

    private static string Plural(JsonTypeInfo itemInfo) => itemInfo.Kind switch
    {
        JsonTypeInfoKind.Object => "objects",
        _ => (Nullable.GetUnderlyingType(itemInfo.Type) ?? itemInfo.Type) == typeof(bool) ? "booleans" : "strings",
    };
}
