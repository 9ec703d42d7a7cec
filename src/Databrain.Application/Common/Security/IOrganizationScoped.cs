namespace Databrain.Application.Common.Security;

/// <summary>
/// Marks a request that acts on behalf of the caller's organization. The authorization behavior runs
/// only for these (a generic constraint), and rejects them with INVALID_DATA_APP_API_KEY without a valid token.
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: the behavior's generic constraint selects on it.
public interface IOrganizationScoped;
#pragma warning restore CA1040
