using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.ListWorkspaces;

namespace Databrain.UnitTests.Behaviors;

/// <summary>The bound on whole lists: a slot per whole list, held until the request's scope ends; pages pass.</summary>
public sealed class WholeListBoundTests : IDisposable
{
    private readonly Meters _meters = new();
    private readonly WholeListSlots _slots;

    public WholeListBoundTests() =>
        _slots = new WholeListSlots(new ListOptions { WholeListsAtOnce = 1, WholeListWaitMilliseconds = 0 }, _meters);

    public void Dispose()
    {
        _slots.Dispose();
        _meters.Dispose();
    }

    private static Task<Result<WorkspaceList>> Next() =>
        Task.FromResult(Result<WorkspaceList>.Success(new WorkspaceList(AsyncEnumerable.Empty<WorkspaceListItem>(), totalCount: null)));

    private static Task<Result<WorkspaceList>> Send(WholeListBound bound, string? isPagination) =>
        bound.Handle(new ListWorkspacesQuery(isPagination, null), CancellationToken.None, Next);

    [Fact]
    public async Task AWholeList_HoldsItsSlotUntilItsScopeEnds_AndTheNextGets429_WhileAPageStillPasses()
    {
        var first = new WholeListBound(_slots);
        var second = new WholeListBound(_slots);
        var page = new WholeListBound(_slots);
        var afterwards = new WholeListBound(_slots);

        var served = await Send(first, null);
        var refused = await Send(second, "false");
        var paged = await Send(page, "true");
        first.Dispose(); // the first request's scope ends: its answer is written
        var servedNext = await Send(afterwards, null);

        Assert.True(served.IsSuccess);
        Assert.Equal(Errors.TooManyRequestsCode, refused.Error?.Code);
        Assert.Equal(1, refused.Error?.RetryAfterSeconds);
        Assert.True(paged.IsSuccess);
        Assert.True(servedNext.IsSuccess);
    }

    [Fact]
    public async Task ARefusedRequest_GivesBackNoSlot()
    {
        var holder = new WholeListBound(_slots);
        var refused = new WholeListBound(_slots);
        await Send(holder, null);
        await Send(refused, null);

        refused.Dispose(); // it held nothing: the holder's slot stays taken
        var stillRefused = await Send(new WholeListBound(_slots), null);

        Assert.Equal(Errors.TooManyRequestsCode, stillRefused.Error?.Code);
    }
}
