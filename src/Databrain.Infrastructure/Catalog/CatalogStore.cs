using System.Data.Common;
using Dapper;
using Databrain.Application.Catalog.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Catalog;

/// <summary>Admin writes to the catalog. Each "add" inserts only what is missing, so a seed can be applied again.</summary>
internal sealed class CatalogStore(IDatabase database) : ICatalogStore
{
    private const string AddOrganization = """
        INSERT INTO Organizations (Name) SELECT @Name
        WHERE NOT EXISTS (SELECT 1 FROM Organizations WHERE Name = @Name)
        """;

    private const string FindOrganization = "SELECT Id FROM Organizations WHERE Name = @Name";

    private const string AnyOrganization = "SELECT CASE WHEN EXISTS (SELECT 1 FROM Organizations) THEN 1 ELSE 0 END";

    private const string FindTokenOwner = "SELECT OrganizationId FROM ServiceTokens WHERE TokenHash = @TokenHash";

    private const string AddToken = "INSERT INTO ServiceTokens (OrganizationId, TokenHash) VALUES (@OrganizationId, @TokenHash)";

    private const string AddTokenByOrganizationName = """
        INSERT INTO ServiceTokens (OrganizationId, TokenHash)
        SELECT Id, @TokenHash FROM Organizations WHERE Name = @OrganizationName
        """;

    // The four catalog tables share one shape; the table name comes from this fixed list, never from input.
    private static readonly Dictionary<string, string> AddCatalogEntry = new[] { "Datasources", "Datamarts", "Llms", "Themes" }.ToDictionary(
        table => table,
        table => $"""
            INSERT INTO {table} (OrganizationId, Name) SELECT @OrganizationId, @Name
            WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE OrganizationId = @OrganizationId AND Name = @Name)
            """);

    public async Task<CatalogSeedOutcome> ApplySeedAsync(IReadOnlyList<CatalogOrganization> organizations, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        int addedOrganizations = 0, addedTokens = 0, addedEntries = 0;
        foreach (var organization in organizations)
        {
            addedOrganizations += await ExecuteAsync(write, AddOrganization, new { organization.Name }, cancellationToken);
            var organizationId = await write.Connection.ExecuteScalarAsync<long>(Command(write, FindOrganization, new { organization.Name }, cancellationToken));

            foreach (var tokenHash in organization.TokenHashes)
            {
                var owner = await write.Connection.ExecuteScalarAsync<long?>(Command(write, FindTokenOwner, new { TokenHash = tokenHash }, cancellationToken));
                if (owner is null)
                {
                    addedTokens += await ExecuteAsync(write, AddToken, new { OrganizationId = organizationId, TokenHash = tokenHash }, cancellationToken);
                }
                else if (owner != organizationId)
                {
                    // Nothing is committed: disposing the write rolls the whole seed back.
                    return new CatalogSeedOutcome(0, 0, 0, organization.Name);
                }
            }

            foreach (var (table, names) in new[]
            {
                ("Datasources", organization.Datasources),
                ("Datamarts", organization.Datamarts),
                ("Llms", organization.Llms),
                ("Themes", organization.Themes),
            })
            {
                foreach (var name in names)
                {
                    addedEntries += await ExecuteAsync(write, AddCatalogEntry[table], new { OrganizationId = organizationId, Name = name }, cancellationToken);
                }
            }
        }

        await write.CommitAsync(cancellationToken);
        return new CatalogSeedOutcome(addedOrganizations, addedTokens, addedEntries);
    }

    public async Task<bool> HasOrganizationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(database.Command(AnyOrganization, null, cancellationToken));
    }

    public async Task<bool> AddServiceTokenAsync(string organizationName, string tokenHash, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var added = await ExecuteAsync(write, AddTokenByOrganizationName, new { OrganizationName = organizationName, TokenHash = tokenHash }, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return added == 1;
    }

    private Task<int> ExecuteAsync(WriteTransaction write, string sql, object parameters, CancellationToken cancellationToken) =>
        write.Connection.ExecuteAsync(Command(write, sql, parameters, cancellationToken));

    private CommandDefinition Command(WriteTransaction write, string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, write.Transaction, database.CommandTimeoutSeconds, cancellationToken: cancellationToken);
}
