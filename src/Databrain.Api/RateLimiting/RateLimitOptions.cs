using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Databrain.Api.RateLimiting;

/// <summary>The rate limits of contract section 8, under <c>RateLimits</c>; validated when the service starts.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [ValidateObjectMembers]
    public FailedAuthenticationLimit FailedAuthentication { get; init; } = new();

    [ValidateObjectMembers]
    public OrganizationLimit Organization { get; init; } = new();

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> names the client. Empty (the default): the
    /// client is the connection's address, and the header is ignored, since any client could send it.
    /// </summary>
    [ProxyAddresses]
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Every value an IP address.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ProxyAddressesAttribute : ValidationAttribute
    {
        public ProxyAddressesAttribute()
            : base("must hold IP addresses (such as 10.0.0.5 or ::1)")
        {
        }

        public override bool IsValid(object? value) =>
            value is not IEnumerable<string> addresses || addresses.All(a => System.Net.IPAddress.TryParse(a, out _));
    }

    /// <summary>Per client address: after <see cref="PermitLimit"/> failed authentications within the window, every request gets 429.</summary>
    public sealed class FailedAuthenticationLimit
    {
        public bool Enabled { get; init; } = true;

        [Range(1, 100_000)]
        public int PermitLimit { get; init; } = 20;

        [Range(1, 3_600)]
        public int WindowSeconds { get; init; } = 10;
    }

    /// <summary>Per organization, off by default: a token bucket of <see cref="RequestsPerSecond"/> with room for a <see cref="Burst"/>.</summary>
    public sealed class OrganizationLimit
    {
        public bool Enabled { get; init; }

        [Range(1, 1_000_000)]
        public int RequestsPerSecond { get; init; } = 100;

        [Range(1, 1_000_000)]
        public int Burst { get; init; } = 200;
    }
}
