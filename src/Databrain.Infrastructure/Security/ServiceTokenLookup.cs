using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Infrastructure.Persistence;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Databrain.Infrastructure.Security;

internal sealed class ServiceTokenLookup(IDatabase database) : IServiceTokenLookup
{
    private const string Find = """
        SELECT OrganizationId FROM ServiceTokens WHERE TokenHash = @TokenHash AND RevokedAt IS NULL
        """;

    public async Task<long?> FindOrganizationIdAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(database.Command(
            Find,
            new { TokenHash = tokenHash }, cancellationToken));
    }
}

/// <summary>
/// Keeps the database off the hot path of authentication: a known token hash maps to its organization for
/// <see cref="AuthOptions.TokenCacheSeconds"/>, which is therefore the longest a revoked token keeps working.
/// Unknown tokens are not cached, so a newly issued token works at once.
/// </summary>
internal sealed class CachedServiceTokenLookup(IServiceTokenLookup inner, IMemoryCache cache, IOptions<AuthOptions> options)
    : IServiceTokenLookup
{
    public async Task<long?> FindOrganizationIdAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.TokenCacheSeconds);
        var key = (typeof(CachedServiceTokenLookup), tokenHash);
        if (lifetime > TimeSpan.Zero && cache.TryGetValue(key, out long cached))
        {
            return cached;
        }

        var organizationId = await inner.FindOrganizationIdAsync(tokenHash, cancellationToken);
        if (organizationId is { } found && lifetime > TimeSpan.Zero)
        {
            cache.Set(key, found, lifetime);
        }

        return organizationId;
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
