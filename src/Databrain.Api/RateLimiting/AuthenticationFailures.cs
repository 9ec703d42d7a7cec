using Databrain.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace Databrain.Api.RateLimiting;

/// <summary>
/// A singleton, so that a request that authenticates builds nothing for it. A failed authentication of the request, counted where every instance sees it (<see cref="IFailedAuthenticationCounter"/>):
/// once its address group has failed <c>PermitLimit</c> times in the window, this instance locks the group until the
/// window ends (<see cref="FailedAuthenticationLocks"/>), and a failure beyond the limit, on any instance, is
/// answered 429 with <c>Retry-After</c> instead of 401.
/// </summary>
public sealed class AuthenticationFailures(
    IHttpContextAccessor http,
    FailedAuthenticationLocks locks,
    RateLimiters limiters,
    IOptions<RateLimitOptions> options,
    TimeProvider time) : IAuthenticationFailures
{
    public async Task<int?> RecordAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.FailedAuthentication;
        if (!limit.Enabled || http.HttpContext is not { } context)
        {
            return null;
        }

        var group = ClientAddress.GroupOf(context.Connection.RemoteIpAddress);
        var now = time.GetUtcNow();
        // The request's own counter (its database work joins the request's scope), asked for only on a failure.
        var counter = context.RequestServices.GetRequiredService<IFailedAuthenticationCounter>();
        var (failures, windowEnds) = await counter.CountAsync(group, now, TimeSpan.FromSeconds(limit.WindowSeconds), cancellationToken);
        if (failures < limit.PermitLimit)
        {
            return null;
        }

        locks.Lock(group, windowEnds);
        if (failures == limit.PermitLimit)
        {
            return null; // the last failure allowed still gets its 401; what follows gets 429
        }

        limiters.Count(RateLimiters.FailedAuthentication);
        return RateLimiters.Seconds(windowEnds - now);
    }
}
