namespace Databrain.Application.Common.Security;

/// <summary>
/// Who is calling, for one request (scoped). The host creates it with the request's raw bearer token; the token
/// is looked up once (<see cref="FindTokenAsync"/>), whichever step asks first (the per-organization limit, or
/// <see cref="Behaviors.AuthorizationBehavior{TRequest,TResponse}"/>), into an immutable <see cref="ServiceToken"/>:
/// organization, token id, label and scope. Authorization accepts it as the caller, and handlers read it.
/// </summary>
/// <param name="findByHash">The token look-up (<c>IServiceTokenLookup.FindAsync</c>), by the token's hash.</param>
public sealed class CallerContext(string? bearerToken, Func<string, CancellationToken, Task<ServiceToken?>> findByHash)
{
    private Task<ServiceToken?>? _found;

    /// <summary>The raw token from <c>Authorization: Bearer …</c>, or null when the request carries none.</summary>
    public string? BearerToken { get; } = bearerToken;

    /// <summary>The stored token of the request's bearer token (null when there is none), looked up once per request.</summary>
    public Task<ServiceToken?> FindTokenAsync(CancellationToken cancellationToken) =>
        _found ??= string.IsNullOrEmpty(BearerToken) ? Task.FromResult<ServiceToken?>(null) : findByHash(ServiceTokenHash.Of(BearerToken), cancellationToken);

    /// <summary>The token the request authenticated with; null until the authorization behavior has run.</summary>
    public ServiceToken? Token { get; private set; }

    /// <summary>The authenticated organization; null until the authorization behavior has run.</summary>
    public long? OrganizationId => Token?.OrganizationId;

    /// <summary>
    /// The caller's organization, for handlers of <see cref="IOrganizationScoped"/> requests.
    /// Throws when no authorization ran: that is a wiring bug, not a client error.
    /// </summary>
    public long RequiredOrganizationId =>
        OrganizationId ?? throw new InvalidOperationException("No organization: the request must implement IOrganizationScoped so that the authorization behavior runs.");

    internal void Authenticate(ServiceToken token) => Token = token;
}
