using System.ComponentModel;
using Databrain.Api.Http;
using Databrain.Api.OpenApi;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.DeleteWorkspace;
using Databrain.Application.Workspaces.GetWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Application.Workspaces.Rules;
using Databrain.Application.Workspaces.UpdateWorkspace;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Databrain.Api.Controllers;

/// <summary>
/// Reads, sends, maps: no rules live here. A command takes its body and its headers side by side; the attributes only
/// describe the operations for OpenAPI (their answers and body examples).
/// </summary>
[ApiController]
[Route("api/v2/workspace")]
[Produces("application/json")]
public sealed class WorkspacesController(IMediator mediator) : ControllerBase
{
    private const string Example = RequestExamplesTransformer.WorkspaceName;

    /// <summary>Create a workspace in the caller's organization.</summary>
    [HttpPost]
    [EndpointName("CreateWorkspace")]
    [EndpointSummary("Create a workspace")]
    [EndpointDescription("Answers the name as stored, with the new workspace's first version as its ETag.")]
    [ProducesResponseType<Envelope<CreatedWorkspace>>(StatusCodes.Status200OK)]
    [Sends(typeof(CreateWorkspaceCommand))]
    [BodyExample("datasource", "One datasource", $$"""{"name":"{{Example}}","connectionType":"DATASOURCE","datasourceName":"postgres-main"}""")]
    [BodyExample("datamart", "One datamart, with a theme", """{"name":"Sales Mart","connectionType":"DATAMART","datamartName":"sales-mart","themeName":"dark"}""")]
    [BodyExample("multipleDatamartsWithAi", "Several datamarts, with every AI setting", """
        {"name":"Revenue Insights","connectionType":"MULTI_DATAMART","llmName":"gpt-4o","aiCopilotLlms":["gpt-4o","claude-sonnet"],
         "isEnableMetricSuggestions":true,"isEnableMetricSummary":true,"summaryType":"custom",
         "customSummaryPrompt":"Summarise the week's revenue by region.","themeName":"dark"}
        """)]
    public async Task<IActionResult> Create(
        [StrictJsonBody] JsonBody<CreateWorkspaceRequest> body,
        [IdempotencyKeyHeader] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new CreateWorkspaceCommand(body.Value, Request.KeyFor(idempotencyKey, body.Bytes)), cancellationToken)).ToResponse();

    /// <summary>
    /// Without <c>name</c>: the workspaces of the caller's organization that match the filters, oldest first, all or
    /// a page, with <c>X-Total-Count</c>. With <c>name</c>: that one workspace, whole, with its version's ETag.
    /// </summary>
    [HttpGet]
    [EndpointName("ListWorkspaces")] // the operation id clients already generate from
    [EndpointSummary("List workspaces, or read one by name")]
    [EndpointDescription("Without name: the list (isPagination, pageNumber, pageSize) of the workspaces that match the filters (nameStartsWith, connectionType); a page carries X-Total-Count. With name: one workspace, every property present, and its version's ETag; name is not allowed together with any list option.")]
    [ProducesResponseType<Envelope<IReadOnlyList<WorkspaceListItem>>>(StatusCodes.Status200OK)]
    [ProducesResponseType<Envelope<WorkspaceDetails>>(StatusCodes.Status200OK)]
    [Sends(typeof(ListWorkspacesQuery), typeof(GetWorkspaceQuery))]
    public async Task<IActionResult> ListOrRead(
        [RawQuery] string? name,
        [FromQuery] string? isPagination,
        [FromQuery] string? pageNumber,
        [RawQuery, Description("Workspaces per page, 1 to 100 (default 10); only with isPagination=true.")] string? pageSize,
        [RawQuery, Description("Only workspaces whose name starts with exactly this text (ordinal, case-sensitive; spaces count): 1 to 255 characters.")] string? nameStartsWith,
        [RawQuery, Description("Only workspaces with this connection type: DATASOURCE, DATAMART, MULTI_DATASOURCE or MULTI_DATAMART.")] string? connectionType,
        CancellationToken cancellationToken) =>
        name is null
            ? (await mediator.Send(new ListWorkspacesQuery(isPagination, pageNumber, pageSize, nameStartsWith, connectionType), cancellationToken)).ToResponse()
            : (await mediator.Send(new GetWorkspaceQuery(name, isPagination, pageNumber, pageSize, nameStartsWith, connectionType), cancellationToken)).ToResponse();

    /// <summary>Update a workspace of the caller's organization, named by the body's <c>name</c>.</summary>
    [HttpPut]
    [EndpointName("UpdateWorkspace")]
    [EndpointSummary("Update a workspace")]
    [EndpointDescription(
        "name names the workspace (there is no rename); the connection is replaced. llmName, aiCopilotLlms, isEnableMetricSuggestions "
        + "and themeName: left out keeps the stored value, null clears it. isEnableMetricSummary, summaryType and customSummaryPrompt "
        + "change together: all left out keeps them, otherwise isEnableMetricSummary is required. With If-Match, the update applies "
        + "only to the version its tag names. Answers the whole workspace as stored, with its new version's ETag.")]
    [ProducesResponseType<Envelope<WorkspaceDetails>>(StatusCodes.Status200OK)]
    [Sends(typeof(UpdateWorkspaceCommand))]
    [BodyExample("newConnectionAndLlm", "Another datasource and a primary LLM", $$"""{"name":"{{Example}}","connectionType":"DATASOURCE","datasourceName":"snowflake-dw","llmName":"claude-sonnet"}""")]
    [BodyExample("clearTheLlm", "null clears an optional setting", $$"""{"name":"{{Example}}","connectionType":"DATASOURCE","datasourceName":"snowflake-dw","llmName":null}""")]
    public async Task<IActionResult> Update(
        [StrictJsonBody] JsonBody<UpdateWorkspaceRequest> body,
        [IfMatchHeader] ExpectedVersion? ifMatch,
        [IdempotencyKeyHeader] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new UpdateWorkspaceCommand(body.Value, ifMatch, Request.KeyFor(idempotencyKey, body.Bytes)), cancellationToken)).ToResponse();

    /// <summary>Delete a workspace of the caller's organization, by its exact name.</summary>
    [HttpDelete]
    [EndpointName("DeleteWorkspace")]
    [EndpointSummary("Delete a workspace")]
    [EndpointDescription("With If-Match, the workspace is deleted only while it is the version the tag names.")]
    [ProducesResponseType<Envelope<DeletedWorkspace>>(StatusCodes.Status200OK)]
    [Sends(typeof(DeleteWorkspaceCommand))]
    public async Task<IActionResult> Delete(
        [FromQuery] string? name,
        [IfMatchHeader] ExpectedVersion? ifMatch,
        [IdempotencyKeyHeader] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new DeleteWorkspaceCommand(name, ifMatch, Request.KeyFor(idempotencyKey, body: null)), cancellationToken)).ToResponse();
}
