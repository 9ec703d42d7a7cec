using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Databrain.Infrastructure.Persistence;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Databrain.Infrastructure.Security;

internal sealed class ServiceTokenLookup(IDatabase database) : IServiceTokenLookup
{
    private const string Find = """
        SELECT OrganizationId, PublicId, Label, Scope, ExpiresAtUnixMs FROM ServiceTokens WHERE TokenHash = @TokenHash AND RevokedAt IS NULL
        """;

    public async Task<ServiceToken?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command(Find, new { TokenHash = tokenHash }, cancellationToken));
        return row?.Token;
    }

    // A class with setters: Dapper maps by property, whatever types SQLite reports for the columns.
    private sealed class Row
    {
        public long OrganizationId { get; init; }

        public string PublicId { get; init; } = string.Empty;

        public string? Label { get; init; }

        public string Scope { get; init; } = string.Empty;

        public long? ExpiresAtUnixMs { get; init; }

        public ServiceToken Token => new(
            OrganizationId,
            PublicId,
            Label,
            TokenScopes.TryParse(Scope, out var scope) ? scope : throw new InvalidOperationException($"A stored token scope reads '{Scope}'."),
            ExpiresAtUnixMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null);
    }
}

/// <summary>
/// Keeps the database off the hot path of authentication: a known token hash maps to its token for
/// <see cref="AuthOptions.TokenCacheSeconds"/>, which is therefore the longest a revoked token keeps working on an
/// instance, and never past the token's expiry. Unknown tokens are not cached, so a newly issued token works at once.
/// </summary>
internal sealed class CachedServiceTokenLookup(IServiceTokenLookup inner, IMemoryCache cache, IOptions<AuthOptions> options, TimeProvider time)
    : IServiceTokenLookup
{
    public async Task<ServiceToken?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.TokenCacheSeconds);
        var key = (typeof(CachedServiceTokenLookup), tokenHash);
        if (lifetime > TimeSpan.Zero && cache.TryGetValue(key, out ServiceToken? cached))
        {
            return cached;
        }

        var token = await inner.FindAsync(tokenHash, cancellationToken);
        var now = time.GetUtcNow();
        if (token is not null && lifetime > TimeSpan.Zero && !token.HasExpiredAt(now))
        {
            cache.Set(key, token, token.ExpiresAt is { } expires && expires - now < lifetime ? expires - now : lifetime);
        }

        return token;
    }
}

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How long a token found in the database is trusted without asking again: the delay before a revoked
    /// token stops working. 0 turns the cache off.
    /// </summary>
    public int TokenCacheSeconds { get; set; } = 30;
}
