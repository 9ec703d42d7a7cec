using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Databrain.Application.Common;
using Databrain.Domain.Common;

namespace Databrain.Api.Http;

/// <summary>How the API's own types meet JSON: optional fields, times, and answer values that go to headers.</summary>
public static class WireConverters
{
    /// <summary>UTC, ISO 8601 with exactly three fraction digits and <c>Z</c> (docs/api.md, "GET /api/v2/workspace?name=…").</summary>
    public sealed class UtcMilliseconds : JsonConverter<DateTime>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        {
            writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// <see cref="Optional{T}"/>: a property left out of the JSON stays <c>default</c> (left out); one that is
    /// present, null included, becomes <see cref="Optional{T}.Given"/>. As a value type, its converter is
    /// called for JSON null too, which is what tells "null" from "left out".
    /// </summary>
    public sealed class OptionalFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert)
        {
            return typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);
        }

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        {
            return (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
        }

        private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
        {
            public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                Optional<T>.Given(JsonSerializer.Deserialize<T>(ref reader, options)!);

            public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value.Value, options);
        }
    }

    /// <summary>The type an <see cref="Optional{T}"/> holds; the type itself for any other.</summary>
    public static Type Unwrapped(Type type)
    {
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>) ? type.GetGenericArguments()[0] : type;
    }

    /// <summary>
    /// A property of an answer that travels in a header (an <see cref="IHeaderValue"/>: the version its ETag names)
    /// is not a body property: the API reference does not list it there.
    /// </summary>
    public static void IgnoreHeaderValues(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(p => typeof(IHeaderValue).IsAssignableFrom(p.PropertyType)).ToArray())
        {
            typeInfo.Properties.Remove(property);
        }
    }
}
