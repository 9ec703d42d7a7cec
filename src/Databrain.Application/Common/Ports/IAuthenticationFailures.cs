namespace Databrain.Application.Common.Ports;

/// <summary>
/// Port: what the host does with a failed authentication of the current request (docs/api.md, "Rate limits").
/// </summary>
public interface IAuthenticationFailures
{
    /// <summary>Records the failure where every instance sees it.</summary>
    /// <returns>Null for the usual 401; the seconds after which to try again when the client's address is over the limit (429).</returns>
    Task<int?> RecordAsync(CancellationToken cancellationToken);
}
