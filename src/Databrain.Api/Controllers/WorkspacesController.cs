using Databrain.Api.Http;
using Databrain.Api.OpenApi;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.DeleteWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Databrain.Api.Controllers;

/// <summary>Reads, sends, maps: no rules live here. The attributes only describe the answers for OpenAPI.</summary>
[ApiController]
[Route("api/v2/workspace")]
[Produces("application/json")]
public sealed class WorkspacesController(IMediator mediator) : ControllerBase
{
    /// <summary>Create a workspace in the caller's organization.</summary>
    [HttpPost]
    [EndpointName("CreateWorkspace")]
    [EndpointSummary("Create a workspace")]
    [ProducesResponseType<Envelope<CreatedWorkspace>>(StatusCodes.Status200OK)]
    [ErrorCodes(
        Errors.InvalidRequestBodyCode,
        Errors.WorkspaceNameAlreadyExistsCode,
        Errors.InvalidDatasourceNameCode,
        Errors.InvalidDatamartNameCode,
        Errors.InvalidLlmNameCode,
        Errors.InvalidAiCopilotLlmsCode,
        Errors.InvalidThemeNameCode)]
    public async Task<IActionResult> Create([StrictJsonBody] CreateWorkspaceCommand command, CancellationToken cancellationToken) =>
        (await mediator.Send(command, cancellationToken)).ToEnvelope();

    /// <summary>List the workspaces of the caller's organization, oldest first, all or a page of 10.</summary>
    [HttpGet]
    [EndpointName("ListWorkspaces")]
    [EndpointSummary("List workspaces")]
    [ProducesResponseType<Envelope<IReadOnlyList<WorkspaceListItem>>>(StatusCodes.Status200OK)]
    [ErrorCodes(Errors.InvalidRequestBodyCode)]
    public async Task<IActionResult> List([FromQuery] string? isPagination, [FromQuery] string? pageNumber, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListWorkspacesQuery(isPagination, pageNumber), cancellationToken)).ToEnvelope();

    /// <summary>Delete a workspace of the caller's organization, by its exact name.</summary>
    [HttpDelete]
    [EndpointName("DeleteWorkspace")]
    [EndpointSummary("Delete a workspace")]
    [ProducesResponseType<Envelope<DeletedWorkspace>>(StatusCodes.Status200OK)]
    [ErrorCodes(Errors.InvalidRequestBodyCode, Errors.WorkspaceDoesNotExistCode)]
    public async Task<IActionResult> Delete([FromQuery] string? name, CancellationToken cancellationToken) =>
        (await mediator.Send(new DeleteWorkspaceCommand(name), cancellationToken)).ToEnvelope();
}
