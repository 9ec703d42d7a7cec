using System.Data.Common;

namespace Databrain.Infrastructure.Persistence;

internal static class Connections
{
    /// <summary>Opens the connection; if that fails, disposes it before the exception goes on.</summary>
    public static async Task<T> OpenOrDisposeAsync<T>(T connection, CancellationToken cancellationToken)
        where T : DbConnection
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
