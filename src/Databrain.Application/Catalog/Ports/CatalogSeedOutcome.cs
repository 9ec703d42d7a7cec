namespace Databrain.Application.Catalog.Ports;

/// <summary>
/// Rows added; or, with nothing written, the organization one of whose token hashes belongs to another organization.
/// </summary>
public sealed record CatalogSeedOutcome(int Organizations, int ServiceTokens, int CatalogEntries, string? TokenConflictOrganization = null);
