using Databrain.Application.Common.Security;

namespace Databrain.Application.Catalog.Ports;

/// <summary>What the admin commands show of a stored token: never its secret or hash.</summary>
public sealed record ServiceTokenInfo(string Id, string? Label, TokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && !(ExpiresAt <= now);
}
