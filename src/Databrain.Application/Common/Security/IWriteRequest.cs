namespace Databrain.Application.Common.Security;

/// <summary>
/// Marks a request that changes data (POST, PUT, DELETE): a token with the <see cref="TokenScope.Read"/> scope gets
/// INSUFFICIENT_TOKEN_SCOPE for it, right after authentication.
/// </summary>
public interface IWriteRequest : IOrganizationScoped;
