using System.Threading.RateLimiting;
using Databrain.Api.Http;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace Databrain.Api.RateLimiting;

/// <summary>
/// The rate limits of docs/api.md, "Rate limits", before anything else reads the request:
/// <list type="bullet">
/// <item>failed authentication, per client address group: a group that this instance knows to be over the limit
/// (<see cref="FailedAuthenticationLocks"/>) gets 429 without reaching the database, until its window ends; the
/// failures themselves are counted by <see cref="AuthenticationFailures"/>, where every instance sees them;</item>
/// <item>per organization (off by default): a token bucket, keyed by the organization that the bearer token
/// belongs to (the request's one token look-up, <see cref="CallerContext.FindTokenAsync"/>, which authorization
/// then reuses).</item>
/// </list>
/// Every 429 is the envelope with <c>Retry-After</c>, and is counted by reason.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimiters limiters, FailedAuthenticationLocks locks, IOptions<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context, CallerContext caller)
    {
        if (options.Value.FailedAuthentication.Enabled && locks.IsLocked(ClientAddress.GroupOf(context.Connection.RemoteIpAddress), out var remaining))
        {
            await RejectAsync(context, RateLimiters.Seconds(remaining), RateLimiters.FailedAuthentication);
            return;
        }

        if (limiters.Organizations is { } organizations && await caller.FindTokenAsync(context.RequestAborted) is { } token)
        {
            using var lease = organizations.AttemptAcquire(token.OrganizationId);
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                await RejectAsync(context, RateLimiters.Seconds(wait), "organization");
                return;
            }
        }

        await next(context);
    }

    private Task RejectAsync(HttpContext context, int retryAfter, string reason)
    {
        limiters.Count(reason);
        return ApiResponses.WriteAsync(context, Errors.TooManyRequests(retryAfter));
    }
}
