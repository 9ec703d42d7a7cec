using System.Security.Cryptography;
using System.Text;

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

/// <summary>
/// Marks a request that acts on behalf of the caller's organization. The authorization behavior runs
/// only for these (a generic constraint), and rejects them with INVALID_DATA_APP_API_KEY without a valid token.
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: the behavior's generic constraint selects on it.
public interface IOrganizationScoped;

/// <summary>
/// Marks a request that changes data (POST, PUT, DELETE): a token with the <see cref="TokenScope.Read"/> scope gets
/// INSUFFICIENT_TOKEN_SCOPE for it, right after authentication.
/// </summary>
public interface IWriteRequest : IOrganizationScoped;
#pragma warning restore CA1040

/// <summary>
/// The one-way hash under which service tokens are stored and looked up. Tokens are long random strings,
/// so plain SHA-256 is enough (no salt or stretching needed); the plaintext is never stored.
/// </summary>
public static class ServiceTokenHash
{
    public static string Of(string token)
    {
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
