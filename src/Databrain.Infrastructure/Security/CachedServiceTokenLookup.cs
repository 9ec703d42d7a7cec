using Databrain.Application.Common.Ports;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Databrain.Infrastructure.Security;

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
