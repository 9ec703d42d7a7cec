using System.ComponentModel;
using Databrain.Api.Http;
using Databrain.Application.History;
using Databrain.Application.History.ChangeFeed;
using Databrain.Application.History.WorkspaceHistory;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Databrain.Api.Controllers;

/// <summary>
/// Reads, sends, maps: the change records of the caller's organization, as a feed and per workspace name. Under the
/// workspaces' tag: the API reference lists every operation of the route together.
/// </summary>
[ApiController]
[Tags("Workspaces")]
[Route("api/v2/workspace")]
[Produces("application/json")]
public sealed class HistoryController(IMediator mediator) : ControllerBase
{
    private const string AfterText = "Only records with a greater sequence: the next of the previous answer (default 0, from the start).";
    private const string LimitText = "At most this many records, 1 to 1000 (default 100).";

    /// <summary>The organization's change records, in sequence order.</summary>
    [HttpGet("changes")]
    [EndpointName("ListChanges")]
    [EndpointSummary("Follow the organization's changes")]
    [EndpointDescription("One record per create, update and delete, in the organization's sequence (1, 2, 3, … with no gaps). Call again with after=next to get what came since: every record once, in order, even while several instances write.")]
    [ProducesResponseType<Envelope<ChangesPage>>(StatusCodes.Status200OK)]
    [Sends(typeof(ChangeFeedQuery))]
    public async Task<IActionResult> Changes(
        [RawQuery, Description(AfterText)] string? after,
        [RawQuery, Description(LimitText)] string? limit,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new ChangeFeedQuery(after, limit), cancellationToken)).ToResponse();

    /// <summary>The change records of the workspaces that had one name, oldest first.</summary>
    [HttpGet("history")]
    [EndpointName("GetWorkspaceHistory")]
    [EndpointSummary("Who changed a workspace, and what")]
    [EndpointDescription("The records of every workspace that had this exact name, deleted ones included, in sequence order. An unknown name has an empty history.")]
    [ProducesResponseType<Envelope<ChangesPage>>(StatusCodes.Status200OK)]
    [Sends(typeof(WorkspaceHistoryQuery))]
    public async Task<IActionResult> History(
        [RawQuery, Description("The workspace's exact name.")] string? name,
        [RawQuery, Description(AfterText)] string? after,
        [RawQuery, Description(LimitText)] string? limit,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new WorkspaceHistoryQuery(name, after, limit), cancellationToken)).ToResponse();
}
