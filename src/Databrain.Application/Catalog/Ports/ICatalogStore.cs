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
    Task<bool> AddServiceTokenAsync(string organizationName, string tokenHash, CancellationToken cancellationToken);
}

/// <summary>One organization of a seed, with its tokens already hashed.</summary>
public sealed record CatalogOrganization(
    string Name,
    IReadOnlyList<string> TokenHashes,
    IReadOnlyList<string> Datasources,
    IReadOnlyList<string> Datamarts,
    IReadOnlyList<string> Llms,
    IReadOnlyList<string> Themes);

/// <summary>
/// Rows added; or, with nothing written, the organization one of whose token hashes belongs to another organization.
/// </summary>
public sealed record CatalogSeedOutcome(int Organizations, int ServiceTokens, int CatalogEntries, string? TokenConflictOrganization = null);
