namespace Databrain.Api.RateLimiting;

/// <summary>
/// The address groups that this instance knows to be over the failed-authentication limit, each until its window
/// ends: requests from them get 429 without reaching the database. It holds only groups that reached the limit
/// (the counting is the database's), at most <see cref="Capacity"/> of them: when it is full, those whose lock ended
/// are dropped, and then a tenth of it, those that end soonest (in one pass, so that a flood of addresses costs
/// little per address), so it cannot grow without bound. A dropped group is locked again at its next failed
/// authentication, when the database's count says so.
/// </summary>
public sealed class FailedAuthenticationLocks(TimeProvider time)
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _until.Count;
            }
        }
    }

    /// <summary>Whether the group is locked now, and if so, how long until it is not.</summary>
    public bool IsLocked(string group, out TimeSpan remaining)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_until.TryGetValue(group, out var until) && until > now)
            {
                remaining = until - now;
                return true;
            }

            _until.Remove(group);
        }

        remaining = TimeSpan.Zero;
        return false;
    }

    public void Lock(string group, DateTimeOffset until)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_until.Count >= Capacity && !_until.ContainsKey(group))
            {
                foreach (var ended in _until.Where(e => e.Value <= now).Select(e => e.Key).ToArray())
                {
                    _until.Remove(ended);
                }

                if (_until.Count >= Capacity)
                {
                    foreach (var soonest in _until.OrderBy(e => e.Value).Take(Capacity / 10).Select(e => e.Key).ToArray())
                    {
                        _until.Remove(soonest);
                    }
                }
            }

            _until[group] = until;
        }
    }
}
