using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Databrain.Client.Protocol;

// How the protocol writes and reads JSON, beyond what NSwag generates:
// - NSwag writes each enumeration value's wire spelling as [EnumMember(Value = "custom")], which System.Text.Json
//   does not read: every enumeration property gets a converter that uses those spellings.
// - An update sends only the fields it was given (UpdateWorkspaceRequest.Given): left out keeps the stored value,
//   null clears it, and the generated type alone cannot tell the two apart.
internal partial class DatabrainProtocol
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseWireNames, SendOnlyGivenFields } };
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

    private static void SendOnlyGivenFields(JsonTypeInfo type)
    {
        if (type.Type != typeof(UpdateWorkspaceRequest))
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            var name = property.Name;
            property.ShouldSerialize = (request, _) => ((UpdateWorkspaceRequest)request).Given.Contains(name);
        }
    }

    private sealed class WireNameConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            WireNames<T>.Parse(reader.GetString());

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(WireNames<T>.Of(value));
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

/// <summary>An enumeration's wire spellings, from its <see cref="EnumMemberAttribute"/>s (the generated ones and the public ones alike).</summary>
internal static class WireNames<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(
        value => value,
        value => typeof(T).GetField(value.ToString())!.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? value.ToString());

    private static readonly Dictionary<string, T> Values = Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Of(T value) => Names[value];

    public static T Parse(string? name) =>
        name is not null && Values.TryGetValue(name, out var value) ? value : throw new JsonException($"'{name}' is not a value of {typeof(T).Name}.");

    /// <summary>The value of another enumeration with the same wire spelling (a public one and its generated twin).</summary>
    public static T From<TOther>(TOther other)
        where TOther : struct, Enum => Parse(WireNames<TOther>.Of(other));
}
