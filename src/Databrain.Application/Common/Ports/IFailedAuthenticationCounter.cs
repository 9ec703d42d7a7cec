namespace Databrain.Application.Common.Ports;

/// <summary>
/// Port: failed authentications per client address group, counted where every instance of the service sees them
/// (the database), so that a limit holds across instances.
/// </summary>
public interface IFailedAuthenticationCounter
{
    /// <summary>Counts one failure of the group in the window that is open at <paramref name="now"/> (a new one when the last has passed).</summary>
    /// <returns>The failures counted in that window, this one included, and when the window ends.</returns>
    Task<(int Failures, DateTimeOffset WindowEnds)> CountAsync(string addressGroup, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
