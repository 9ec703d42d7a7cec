namespace Databrain.Application.Catalog.Ports;

/// <summary>One organization of a seed, with its tokens already hashed.</summary>
public sealed record CatalogOrganization(
    string Name,
    IReadOnlyList<NewServiceToken> Tokens,
    IReadOnlyList<string> Datasources,
    IReadOnlyList<string> Datamarts,
    IReadOnlyList<string> Llms,
    IReadOnlyList<string> Themes);
