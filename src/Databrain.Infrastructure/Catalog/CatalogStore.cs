using Dapper;
using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Security;
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

    private const string AddToken = """
        INSERT INTO ServiceTokens (OrganizationId, TokenHash, PublicId, Label, Scope, ExpiresAtUnixMs)
        VALUES (@OrganizationId, @TokenHash, @PublicId, @Label, @Scope, @ExpiresAtUnixMs)
        """;

    private const string AddTokenByOrganizationName = """
        INSERT INTO ServiceTokens (OrganizationId, TokenHash, PublicId, Label, Scope, ExpiresAtUnixMs)
        SELECT Id, @TokenHash, @PublicId, @Label, @Scope, @ExpiresAtUnixMs FROM Organizations WHERE Name = @OrganizationName
        """;

    // The organization's row too, so that an organization without tokens is told from one that does not exist.
    private const string ListTokens = """
        SELECT t.PublicId, t.Label, t.Scope, t.CreatedAt, t.ExpiresAtUnixMs, t.RevokedAt
        FROM Organizations o LEFT JOIN ServiceTokens t ON t.OrganizationId = o.Id
        WHERE o.Name = @Name
        ORDER BY t.Id
        """;

    private const string FindToken = "SELECT PublicId, Label, Scope, CreatedAt, ExpiresAtUnixMs, RevokedAt FROM ServiceTokens WHERE PublicId = @Id";

    private const string TokenExists = "SELECT COUNT(*) FROM ServiceTokens WHERE PublicId = @Id";

    private const string RotateToken = """
        INSERT INTO ServiceTokens (OrganizationId, TokenHash, PublicId, Label, Scope, ExpiresAtUnixMs)
        SELECT OrganizationId, @TokenHash, @PublicId, Label, Scope, @ExpiresAtUnixMs FROM ServiceTokens WHERE PublicId = @OldId AND RevokedAt IS NULL
        """;

    private const string EndRotatedToken = "UPDATE ServiceTokens SET ExpiresAtUnixMs = @OldExpiresAtUnixMs WHERE PublicId = @OldId";

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

            foreach (var token in organization.Tokens)
            {
                var owner = await write.Connection.ExecuteScalarAsync<long?>(Command(write, FindTokenOwner, new { token.TokenHash }, cancellationToken));
                if (owner is null)
                {
                    addedTokens += await ExecuteAsync(write, AddToken, TokenParameters(token, new { OrganizationId = organizationId }), cancellationToken);
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

    public async Task<bool> AddServiceTokenAsync(string organizationName, NewServiceToken token, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var added = await ExecuteAsync(write, AddTokenByOrganizationName, TokenParameters(token, new { OrganizationName = organizationName }), cancellationToken);
        await write.CommitAsync(cancellationToken);
        return added == 1;
    }

    public async Task<IReadOnlyList<ServiceTokenInfo>?> ListServiceTokensAsync(string organizationName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<TokenRow>(database.Command(ListTokens, new { Name = organizationName }, cancellationToken))).AsList();
        return rows.Count == 0 ? null : rows.Where(r => r.PublicId is not null).Select(r => r.Info).ToArray();
    }

    public async Task<ServiceTokenInfo?> FindServiceTokenAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<TokenRow>(database.Command(FindToken, new { Id = id }, cancellationToken)))?.Info;
    }

    public async Task<bool> RevokeServiceTokenAsync(string id, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var revoked = await ExecuteAsync(write, $"UPDATE ServiceTokens SET RevokedAt = {database.Dialect.UtcNow} WHERE PublicId = @Id AND RevokedAt IS NULL", new { Id = id }, cancellationToken);
        var exists = revoked == 1 || await write.Connection.ExecuteScalarAsync<long>(Command(write, TokenExists, new { Id = id }, cancellationToken)) == 1;
        await write.CommitAsync(cancellationToken);
        return exists;
    }

    public async Task<bool> RotateServiceTokenAsync(string id, DateTimeOffset oldExpiresAt, NewServiceToken replacement, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        if (await ExecuteAsync(write, RotateToken, TokenParameters(replacement, new { OldId = id }), cancellationToken) != 1)
        {
            return false; // revoked meanwhile: disposing the write rolls back
        }

        await ExecuteAsync(write, EndRotatedToken, new { OldId = id, OldExpiresAtUnixMs = oldExpiresAt.ToUnixTimeMilliseconds() }, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A token's columns as parameters, with those of <paramref name="more"/>.</summary>
    private static DynamicParameters TokenParameters(NewServiceToken token, object more)
    {
        var parameters = new DynamicParameters(more);
        parameters.AddDynamicParams(new
        {
            token.TokenHash,
            PublicId = token.Id,
            token.Label,
            Scope = token.Scope.ToWire(),
            ExpiresAtUnixMs = token.ExpiresAt?.ToUnixTimeMilliseconds(),
        });
        return parameters;
    }

    // A class with setters: Dapper maps by property, whatever types SQLite reports for the columns.
    private sealed class TokenRow
    {
        public string? PublicId { get; init; }

        public string? Label { get; init; }

        public string Scope { get; init; } = string.Empty;

        public object? CreatedAt { get; init; }

        public long? ExpiresAtUnixMs { get; init; }

        public object? RevokedAt { get; init; }

        public ServiceTokenInfo Info => new(
            PublicId!,
            Label,
            TokenScopes.FromWireOrWrite(Scope),
            StoredTime.Utc(CreatedAt!),
            ExpiresAtUnixMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
            RevokedAt is null ? null : StoredTime.Utc(RevokedAt));
    }

    private Task<int> ExecuteAsync(WriteTransaction write, string sql, object parameters, CancellationToken cancellationToken) =>
        write.Connection.ExecuteAsync(Command(write, sql, parameters, cancellationToken));

    private CommandDefinition Command(WriteTransaction write, string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, write.Transaction, database.CommandTimeoutSeconds, cancellationToken: cancellationToken);
}
