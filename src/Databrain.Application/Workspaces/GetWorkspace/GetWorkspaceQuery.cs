using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using MediatR;

namespace Databrain.Application.Workspaces.GetWorkspace;

/// <summary>
/// GET /api/v2/workspace?name=…: one workspace of the caller's organization. The list's parameters are
/// carried too, because they are not allowed together with <c>name</c>.
/// </summary>
public sealed record GetWorkspaceQuery(string? Name, string? IsPagination = null, string? PageNumber = null)
    : IRequest<Result<WorkspaceDetails>>, IOrganizationScoped;

/// <summary>
/// Read model of one workspace (contract, section 4d): every setting by name, Copilot LLMs in their given
/// order, enumerations in their wire spelling, <see cref="Id"/> as a string, times in UTC.
/// </summary>
public sealed record WorkspaceDetails(
    string Id,
    string Name,
    string ConnectionType,
    string? DatasourceName,
    string? DatamartName,
    string? LlmName,
    IReadOnlyList<string> AiCopilotLlms,
    bool IsEnableMetricSuggestions,
    bool IsEnableMetricSummary,
    string? SummaryType,
    string? CustomSummaryPrompt,
    string? ThemeName,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned;
