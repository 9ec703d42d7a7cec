namespace Databrain.Application.Common.Security;

/// <summary>What a token may do: <see cref="Write"/> everything, <see cref="Read"/> only reads (docs/api.md, "Service tokens").</summary>
public enum TokenScope
{
    Write,
    Read,
}

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

/// <summary>
/// An issued, unrevoked service token, as the caller of one request: its organization, public id (not a secret),
/// label, scope and expiry. Immutable: resolved once per request.
/// </summary>
public sealed record ServiceToken(long OrganizationId, string Id, string? Label, TokenScope Scope, DateTimeOffset? ExpiresAt)
{
    public bool HasExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}

/// <summary>A token's public id: not a secret, and random, so that it says nothing of other organizations' tokens.</summary>
public static class ServiceTokenIds
{
    public static string New() => "tok_" + Guid.NewGuid().ToString("N");
}

/// <summary>A new token's secret: shown once, to the operator; only its <see cref="ServiceTokenHash"/> is stored.</summary>
public static class ServiceTokenSecrets
{
    /// <summary>Recognisable in secret scanners and log reviews; the rest is 256 random bits.</summary>
    public const string Prefix = "dbn_live_";

    public static string New() => Prefix + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
