using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Databrain.Infrastructure.Security;

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
