namespace Databrain.Application.Common.Security;

/// <summary>
/// Who is calling, for one request (scoped). The host creates it with the request's raw bearer token;
/// <see cref="Behaviors.AuthorizationBehavior{TRequest,TResponse}"/> turns that token into the caller's
/// organization, and handlers read it.
/// </summary>
public sealed class CallerContext(string? bearerToken)
{
    /// <summary>The raw token from <c>Authorization: Bearer …</c>, or null when the request carries none.</summary>
    public string? BearerToken { get; } = bearerToken;

    /// <summary>The authenticated organization; null until the authorization behavior has run.</summary>
    public long? OrganizationId { get; private set; }

    /// <summary>
    /// The caller's organization, for handlers of <see cref="IOrganizationScoped"/> requests.
    /// Throws when no authorization ran: that is a wiring bug, not a client error.
    /// </summary>
    public long RequiredOrganizationId =>
        OrganizationId ?? throw new InvalidOperationException("No organization: the request must implement IOrganizationScoped so that the authorization behavior runs.");

    internal void Authenticate(long organizationId) => OrganizationId = organizationId;
}
