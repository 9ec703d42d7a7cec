using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Databrain.Application.Common.Idempotency;

namespace Databrain.Api.Http;

/// <summary>The <see cref="IdempotencyKey"/> of a write: the header's value with the fingerprint of the request it came with.</summary>
public static class RequestFingerprint
{
    /// <summary>
    /// The key of <paramref name="request"/>, given the <c>Idempotency-Key</c> it was bound to (null without one) and its
    /// body's bytes (null without a body). The <c>If-Match</c> condition is read from the request, on every method:
    /// a write that ignores it still counts it as part of the request.
    /// </summary>
    public static IdempotencyKey? KeyFor(this HttpRequest request, string? idempotencyKey, ReadOnlyMemory<byte>? body)
    {
        if (idempotencyKey is null)
        {
            return null;
        }

        var pathAndQuery = $"{request.Path}{request.QueryString}";
        var condition = !IfMatchHeaderAttribute.TryParse(request.Headers.IfMatch, out var expected) ? "unreadable"
            : expected is null ? "none"
            : expected.Tag is { } tag ? $"\"{tag}\"" : "*";
        return new IdempotencyKey(idempotencyKey, Fingerprint(request.Method, pathAndQuery, condition, body), EarlierFingerprint(request.Method, pathAndQuery, body));
    }

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

}
