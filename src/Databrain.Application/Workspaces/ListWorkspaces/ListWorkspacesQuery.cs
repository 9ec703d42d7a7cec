using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using MediatR;

namespace Databrain.Application.Workspaces.ListWorkspaces;

/// <summary>
/// GET /api/v2/workspace. Both parameters are strings on the wire, as in Databrain. The answer is a sequence,
/// written to the client as it is read: a list of every workspace can be long.
/// </summary>
public sealed record ListWorkspacesQuery(string? IsPagination, string? PageNumber)
    : IRequest<Result<IAsyncEnumerable<WorkspaceListItem>>>, IOrganizationScoped;

/// <summary>Read model of one listed workspace; <see cref="ConnectionType"/> is the wire spelling.</summary>
public sealed record WorkspaceListItem(string Name, string ConnectionType);
