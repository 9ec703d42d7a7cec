namespace Databrain.Infrastructure.Security;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How long a token found in the database is trusted without asking again: the delay before a revoked
    /// token stops working. 0 turns the cache off.
    /// </summary>
    public int TokenCacheSeconds { get; set; } = 30;
}
