using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.Http;

/// <summary>
/// Binds a parameter from the <c>Idempotency-Key</c> header (docs/api.md, "Retry-safe writes: Idempotency-Key"): absent → null; one value of 1 to
/// 255 visible ASCII characters → the key with the request's fingerprint; anything else fails with step 1 of the
/// order of checks, before authentication. Bind it after the body, whose bytes the fingerprint includes.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class IdempotencyKeyHeaderAttribute : ModelBinderAttribute
{
    public const string HeaderName = "Idempotency-Key";

    public const string Problem = "must be one header of 1 to 255 visible ASCII characters (0x21 to 0x7E)";

    private const int MaxLength = 255;

    public IdempotencyKeyHeaderAttribute()
        : base(typeof(Binder))
    {
        BindingSource = BindingSource.Header;
        Name = IdempotencyKeyHeaderAttribute.HeaderName;
    }

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// What a retry must repeat: method, path and query as sent, the <c>If-Match</c> condition as parsed (none, any,
    /// or a tag: a conditional request is another request than an unconditional one), and the body as JSON,
    /// with object properties sorted and white space dropped, so that JSON-equal bodies match. Hashed: the key row
    /// stores no client data. Prefixed with its format version (<see cref="IdempotencyKey.Version"/>).
    /// </summary>
    public static string Fingerprint(string method, string pathAndQuery, string condition, ReadOnlyMemory<byte>? body) =>
        IdempotencyKey.Version + Hash($"{method.ToUpperInvariant()}\n{pathAndQuery}\nIf-Match: {condition}\n", body);

    /// <summary>The fingerprint of the release before format versions: no prefix, no condition.</summary>
    public static string EarlierFingerprint(string method, string pathAndQuery, ReadOnlyMemory<byte>? body) =>
        Hash($"{method.ToUpperInvariant()}\n{pathAndQuery}\n", body);

    private static string Hash(string head, ReadOnlyMemory<byte>? body)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.GetBytes(head));
        if (body is { Length: > 0 } json)
        {
            if (json.Span.StartsWith(Encoding.UTF8.Preamble))
            {
                json = json[Encoding.UTF8.Preamble.Length..];
            }

            using var document = JsonDocument.Parse(json);
            using var writer = new Utf8JsonWriter(buffer);
            WriteCanonical(document.RootElement, writer);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteCanonical(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(property.Value, writer);
                }

                writer.WriteEndObject();
                return;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(item, writer);
                }

                writer.WriteEndArray();
                return;
            default:
                element.WriteTo(writer);
                return;
        }
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var request = bindingContext.HttpContext.Request;
            var values = request.Headers[IdempotencyKeyHeaderAttribute.HeaderName];
            if (values.Count == 0)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else if (values.Count == 1 && IsValid(values[0]))
            {
                var pathAndQuery = $"{request.Path}{request.QueryString}";
                var body = StrictJsonBodyBinder.BodyRead(bindingContext.HttpContext);
                var condition = !IfMatchHeaderAttribute.TryParse(request.Headers.IfMatch, out var expected) ? "unreadable"
                    : expected is null ? "none"
                    : expected.Tag is { } tag ? $"\"{tag}\"" : "*";
                bindingContext.Result = ModelBindingResult.Success(new IdempotencyKey(
                    values[0]!, Fingerprint(request.Method, pathAndQuery, condition, body), EarlierFingerprint(request.Method, pathAndQuery, body)));
            }
            else
            {
                RequestProblems.Add(bindingContext, Errors.InvalidRequestBody(IdempotencyKeyHeaderAttribute.HeaderName, Problem));
            }

            return Task.CompletedTask;
        }
    }
}
