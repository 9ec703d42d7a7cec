namespace Databrain.Application.Common.Security;

/// <summary>The one place that maps <see cref="TokenScope"/> to and from its spelling (admin commands, storage).</summary>
public static class TokenScopes
{
    public static string ToWire(this TokenScope scope) => scope == TokenScope.Read ? "read" : "write";

    public static bool TryParse(string? text, out TokenScope scope)
    {
        scope = text == "read" ? TokenScope.Read : TokenScope.Write;
        return text is "read" or "write";
    }

    /// <summary>A scope already checked by a validator, or <see cref="TokenScope.Write"/> (the default) when none is given.</summary>
    public static TokenScope FromWireOrWrite(string? text) => text switch
    {
        null or "write" => TokenScope.Write,
        "read" => TokenScope.Read,
        _ => throw new ArgumentException($"'{text}' is not a token scope.", nameof(text)),
    };
}
