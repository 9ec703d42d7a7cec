using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Databrain.Application.Common.Results;

namespace Databrain.Api.Http;

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
