using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Databrain.Client;

// NSwag writes each enumeration value's wire spelling as [EnumMember(Value = "custom")], which System.Text.Json does
// not read: its JsonStringEnumConverter would send "Custom", and the API rejects it. Every enumeration property gets a
// converter that uses those spellings instead.
public partial class DatabrainClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseWireNames } };
    }

    private static void UseWireNames(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            var nullable = Nullable.GetUnderlyingType(property.PropertyType);
            if ((nullable ?? property.PropertyType) is { IsEnum: true } enumeration)
            {
                var converter = nullable is null ? typeof(WireNameConverter<>) : typeof(NullableWireNameConverter<>);
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(converter.MakeGenericType(enumeration))!;
            }
        }
    }

    private sealed class WireNameConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(
            value => value,
            value => typeof(T).GetField(value.ToString())!.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? value.ToString());

        private static readonly Dictionary<string, T> Values = Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } name && Values.TryGetValue(name, out var value)
                ? value
                : throw new JsonException($"'{reader.GetString()}' is not a value of {typeof(T).Name}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Names[value]);
    }

    // JSON null is read and written by the serializer itself (HandleNull is false); a value goes through the above.
    private sealed class NullableWireNameConverter<T> : JsonConverter<T?>
        where T : struct, Enum
    {
        private static readonly WireNameConverter<T> Value = new();

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Value.Read(ref reader, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) => Value.Write(writer, value!.Value, options);
    }
}
