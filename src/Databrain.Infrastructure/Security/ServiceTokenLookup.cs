using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Security;

internal sealed class ServiceTokenLookup(IDatabase database) : IServiceTokenLookup
{
    private const string Find = """
        SELECT OrganizationId, PublicId, Label, Scope, ExpiresAtUnixMs FROM ServiceTokens WHERE TokenHash = @TokenHash AND RevokedAt IS NULL
        """;

    public async Task<ServiceToken?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command(Find, new { TokenHash = tokenHash }, cancellationToken));
        return row?.Token;
    }

    // A class with setters: Dapper maps by property, whatever types SQLite reports for the columns.
    private sealed class Row
    {
        public long OrganizationId { get; init; }

        public string PublicId { get; init; } = string.Empty;

        public string? Label { get; init; }

        public string Scope { get; init; } = string.Empty;

        public long? ExpiresAtUnixMs { get; init; }

        public ServiceToken Token => new(
            OrganizationId,
            PublicId,
            Label,
            TokenScopes.TryParse(Scope, out var scope) ? scope : throw new InvalidOperationException($"A stored token scope reads '{Scope}'."),
            ExpiresAtUnixMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null);
    }
}
