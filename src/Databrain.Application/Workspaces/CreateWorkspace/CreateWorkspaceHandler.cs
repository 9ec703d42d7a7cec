using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;
using MediatR;

namespace Databrain.Application.Workspaces.CreateWorkspace;

/// <summary>
/// Resolves the name check and every reference in one lookup, answers the first failure in the contract's
/// order (name, datasource, datamart, LLM, Copilot LLMs, theme), then writes in one transaction.
/// </summary>
public sealed class CreateWorkspaceHandler(
    CallerContext caller,
    IWorkspaceReferenceLookup lookup,
    IWorkspaceRepository workspaces)
    : IRequestHandler<CreateWorkspaceCommand, Result<CreatedWorkspace>>
{
    public async Task<Result<CreatedWorkspace>> Handle(CreateWorkspaceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organizationId = caller.RequiredOrganizationId;
        var name = request.Name!;
        var copilotLlms = request.AiCopilotLlms?.Select(n => n!).ToArray() ?? [];
        var llmNames = copilotLlms.Append(request.LlmName).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        var found = await lookup.ResolveAsync(
            organizationId,
            new WorkspaceReferences(name, request.DatasourceName, request.DatamartName, llmNames, request.ThemeName),
            cancellationToken);

        if (FirstFailure(request, copilotLlms, found) is { } error)
        {
            return error;
        }

        var workspace = Workspace.Create(
            organizationId,
            name,
            Parse<ConnectionType>(request.ConnectionType, ConnectionTypes.TryParse),
            request.DatasourceName is null ? null : found.DatasourceId,
            request.DatamartName is null ? null : found.DatamartId,
            WorkspaceAiSettings.Create(
                request.LlmName is null ? null : found.LlmIds[request.LlmName],
                copilotLlms.Select(n => found.LlmIds[n]).ToArray(),
                request.IsEnableMetricSuggestions ?? false,
                request.IsEnableMetricSummary == true
                    ? MetricSummary.Create(Parse<SummaryType>(request.SummaryType, SummaryTypes.TryParse), request.CustomSummaryPrompt)
                    : null),
            request.ThemeName is null ? null : found.ThemeId);

        // The look-up above gives the right error first; the unique index decides when two creates race.
        return await workspaces.TryAddAsync(workspace, cancellationToken)
            ? new CreatedWorkspace(workspace.Name)
            : Errors.WorkspaceNameAlreadyExists(name);
    }

    private static Error? FirstFailure(CreateWorkspaceCommand request, string[] copilotLlms, ResolvedReferences found)
    {
        if (found.WorkspaceNameExists)
        {
            return Errors.WorkspaceNameAlreadyExists(request.Name!);
        }

        if (request.DatasourceName is { } datasource && found.DatasourceId is null)
        {
            return Errors.InvalidDatasourceName(datasource);
        }

        if (request.DatamartName is { } datamart && found.DatamartId is null)
        {
            return Errors.InvalidDatamartName(datamart);
        }

        if (request.LlmName is { } llm && !found.LlmIds.ContainsKey(llm))
        {
            return Errors.InvalidLlmName(llm);
        }

        var unknownCopilotLlms = copilotLlms.Where(n => !found.LlmIds.ContainsKey(n)).ToArray();
        if (unknownCopilotLlms.Length > 0)
        {
            return Errors.InvalidAiCopilotLlms(unknownCopilotLlms);
        }

        return request.ThemeName is { } theme && found.ThemeId is null ? Errors.InvalidThemeName(theme) : null;
    }

    private delegate bool TryParser<TEnum>(string? wire, out TEnum value);

    /// <summary>The validator has already accepted the value, so a parse failure here is a bug.</summary>
    private static TEnum Parse<TEnum>(string? wire, TryParser<TEnum> tryParse) =>
        tryParse(wire, out var value) ? value : throw new InvalidOperationException($"Unvalidated {typeof(TEnum).Name} '{wire}'.");
}
