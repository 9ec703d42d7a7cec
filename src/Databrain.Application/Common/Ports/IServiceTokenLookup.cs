using Databrain.Application.Common.Security;

namespace Databrain.Application.Common.Ports;

/// <summary>Port: the service token (by hash) that a request carries.</summary>
public interface IServiceTokenLookup
{
    /// <returns>An issued, unrevoked token, expired or not (the caller compares the expiry with its clock); null for any other hash.</returns>
    Task<ServiceToken?> FindAsync(string tokenHash, CancellationToken cancellationToken);
}
