using Databrain.Application.Common.Security;

namespace Databrain.Application.Catalog.Ports;

/// <summary>A token to store: its public id, the hash of its secret (never the secret), label, scope and expiry.</summary>
public sealed record NewServiceToken(string Id, string TokenHash, string? Label, TokenScope Scope, DateTimeOffset? ExpiresAt);
