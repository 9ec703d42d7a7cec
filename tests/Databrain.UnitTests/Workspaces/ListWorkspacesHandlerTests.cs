using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;
using NSubstitute;

namespace Databrain.UnitTests.Workspaces;

public sealed class ListWorkspacesHandlerTests
{
    [Fact]
    public async Task Handle_ReadsTheCallersOrganizationWithTheRequestedPageAndFilter_AndCountsTheMatches()
    {
        var queries = Substitute.For<IWorkspaceQueries>();
        IReadOnlyList<WorkspaceListItem> items = [new("Sales a", "DATAMART")];
        queries.ListAsync(9, new WorkspacePage(50, 25), new WorkspaceFilter("Sales ", ConnectionType.Datamart), Arg.Any<CancellationToken>())
            .Returns(new WorkspaceListPage(items, 51));
        var caller = new CallerContext(null, Substitute.For<IServiceTokenLookup>().FindAsync);
        caller.Authenticate(new ServiceToken(9, "tok_test", null, TokenScope.Write, null));

        var result = await new ListWorkspacesHandler(caller, queries).Handle(new ListWorkspacesQuery("true", "3", "25", "Sales ", "DATAMART"), CancellationToken.None);

        Assert.Equal(items, await result.Value.ToListAsync());
        Assert.Equal(51, result.Value.TotalCount);
    }
}
