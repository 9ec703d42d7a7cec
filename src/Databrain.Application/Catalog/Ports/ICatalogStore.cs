namespace Databrain.Application.Catalog.Ports;

/// <summary>
/// Port: the admin writes to the organization catalog (organizations, token hashes, datasources, datamarts,
/// LLMs, themes). The service itself only reads the catalog; these writes serve the admin command line.
/// </summary>
public interface ICatalogStore
{
    /// <summary>Adds what is missing, in one transaction; nothing is written when it fails.</summary>
    Task<CatalogSeedOutcome> ApplySeedAsync(IReadOnlyList<CatalogOrganization> organizations, CancellationToken cancellationToken);

    Task<bool> HasOrganizationsAsync(CancellationToken cancellationToken);

    /// <returns>False when no organization has that name.</returns>
    Task<bool> AddServiceTokenAsync(string organizationName, NewServiceToken token, CancellationToken cancellationToken);

    /// <returns>The organization's tokens, oldest first; null when no organization has that name.</returns>
    Task<IReadOnlyList<ServiceTokenInfo>?> ListServiceTokensAsync(string organizationName, CancellationToken cancellationToken);

    /// <returns>The token with that public id; null when there is none.</returns>
    Task<ServiceTokenInfo?> FindServiceTokenAsync(string id, CancellationToken cancellationToken);

    /// <returns>False when no token has that id; revoking a revoked token again changes nothing and is no failure.</returns>
    Task<bool> RevokeServiceTokenAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: issues <paramref name="replacement"/> with the organization, label and scope of token
    /// <paramref name="id"/>, and sets that token's expiry to <paramref name="oldExpiresAt"/>.
    /// </summary>
    /// <returns>False, with nothing written, when the token is no longer unrevoked.</returns>
    Task<bool> RotateServiceTokenAsync(string id, DateTimeOffset oldExpiresAt, NewServiceToken replacement, CancellationToken cancellationToken);
}
