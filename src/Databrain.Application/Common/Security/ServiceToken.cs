namespace Databrain.Application.Common.Security;

/// <summary>
/// An issued, unrevoked service token, as the caller of one request: its organization, public id (not a secret),
/// label, scope and expiry. Immutable: resolved once per request.
/// </summary>
public sealed record ServiceToken(long OrganizationId, string Id, string? Label, TokenScope Scope, DateTimeOffset? ExpiresAt)
{
    public bool HasExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}
