using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Security;

internal sealed class ServiceTokenLookup(IDatabase database) : IServiceTokenLookup
{
    private const string Find = """
        SELECT OrganizationId FROM ServiceTokens WHERE TokenHash = @TokenHash AND RevokedAt IS NULL
        """;

    public async Task<long?> FindOrganizationIdAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            Find,
            new { TokenHash = tokenHash },
            commandTimeout: database.CommandTimeoutSeconds,
            cancellationToken: cancellationToken));
    }
}
