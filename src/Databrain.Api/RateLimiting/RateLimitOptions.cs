namespace Databrain.Api.RateLimiting;

/// <summary>The rate limits of docs/api.md, "Rate limits", under <c>RateLimits</c>; their ranges are checked by Configuration/SettingsCheck.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public FailedAuthenticationLimit FailedAuthentication { get; init; } = new();

    public OrganizationLimit Organization { get; init; } = new();

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> names the client. Empty (the default): the
    /// client is the connection's address, and the header is ignored, since any client could send it.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>
    /// Per client address group (<see cref="ClientAddress"/>): after <see cref="PermitLimit"/> failed authentications within the
    /// window, counted across instances in the database, every further request gets 429.
    /// </summary>
    public sealed class FailedAuthenticationLimit
    {
        public bool Enabled { get; init; } = true;

        public int PermitLimit { get; init; } = 20;

        public int WindowSeconds { get; init; } = 10;
    }

    /// <summary>
    /// Per organization, off by default: a token bucket of <see cref="RequestsPerSecond"/> with room for a <see cref="Burst"/>,
    /// kept by each instance for itself (docs/operations.md): with N instances an organization may reach N times it.
    /// </summary>
    public sealed class OrganizationLimit
    {
        public bool Enabled { get; init; }

        public int RequestsPerSecond { get; init; } = 100;

        public int Burst { get; init; } = 200;
    }
}
