using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreditsBot.Discord.Wire;

/// <summary>
/// An option's <c>value</c>: a string, a number or a boolean depending on the option type. Read without building
/// a JsonDocument (this is on every request); any other JSON shape is kept as <see cref="OptionValueKind.Other"/>.
/// </summary>
[JsonConverter(typeof(OptionValueConverter))]
public readonly record struct OptionValue(OptionValueKind Kind, string? Text, double Number, bool Flag)
{
    public static OptionValue FromString(string text) => new(OptionValueKind.String, text, 0, false);

    public static OptionValue FromNumber(double number) => new(OptionValueKind.Number, null, number, false);

    public static OptionValue FromBoolean(bool flag) => new(OptionValueKind.Boolean, null, 0, flag);
}

public enum OptionValueKind { Other, String, Number, Boolean }

public sealed class OptionValueConverter : JsonConverter<OptionValue>
{
    public override OptionValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return OptionValue.FromString(reader.GetString()!);
            case JsonTokenType.Number:
                return OptionValue.FromNumber(reader.GetDouble());
            case JsonTokenType.True:
            case JsonTokenType.False:
                return OptionValue.FromBoolean(reader.GetBoolean());
            default:
                reader.Skip();
                return default;
        }
    }

    public override void Write(Utf8JsonWriter writer, OptionValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case OptionValueKind.String: writer.WriteStringValue(value.Text); break;
            case OptionValueKind.Number: writer.WriteNumberValue(value.Number); break;
            case OptionValueKind.Boolean: writer.WriteBooleanValue(value.Flag); break;
            default: writer.WriteNullValue(); break;
        }
    }
}

/// <summary>Reads an id that Discord sends as a string (snowflakes) or a number (component ids) into a string.</summary>
public sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("expected a string or a number"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
