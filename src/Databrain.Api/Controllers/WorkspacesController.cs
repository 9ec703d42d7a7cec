using Databrain.Api.Http;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Databrain.Api.Controllers;

/// <summary>Reads, sends, maps: no rules live here.</summary>
[ApiController]
[Route("api/v2/workspace")]
public sealed class WorkspacesController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Create([StrictJsonBody] CreateWorkspaceCommand command, CancellationToken cancellationToken) =>
        (await mediator.Send(command, cancellationToken)).ToEnvelope();

    [HttpGet]
    public async Task<IActionResult> List([FromQuery] string? isPagination, [FromQuery] string? pageNumber, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListWorkspacesQuery(isPagination, pageNumber), cancellationToken)).ToEnvelope();
}
