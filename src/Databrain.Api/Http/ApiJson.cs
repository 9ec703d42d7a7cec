using System.Text.Json;

namespace Databrain.Api.Http;

/// <summary>The JSON settings of the API, for reading request bodies and seed files and for writing envelopes.</summary>
public static class ApiJson
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>
    /// .NET's strict preset (case-sensitive names, unknown and duplicated properties rejected, no numbers
    /// from strings, nullable annotations respected) plus camelCase names. See docs/adr/0004-strict-json-reading.md.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The API's own converters and rules, also given to the options the OpenAPI document is built from.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict; // no numbers from strings
        options.Converters.Add(new WireConverters.OptionalFactory());
        options.Converters.Add(new WireConverters.UtcMilliseconds());
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { WireConverters.IgnoreHeaderValues },
        };
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Strict)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

            // Responses are JSON for programs, sent with nosniff, never embedded in HTML: escaping quotes and
            // angle brackets as \u0027 and \u003C would only make messages harder to read.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
