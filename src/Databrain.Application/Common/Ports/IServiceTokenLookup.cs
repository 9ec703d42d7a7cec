namespace Databrain.Application.Common.Ports;

/// <summary>Port: which organization a service token (by hash) belongs to.</summary>
public interface IServiceTokenLookup
{
    /// <returns>The organization of an issued, unrevoked token; null for any other hash.</returns>
    Task<long?> FindOrganizationIdAsync(string tokenHash, CancellationToken cancellationToken);
}
