using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Application.Workspaces.Ports;
using NSubstitute;

namespace Databrain.UnitTests.Workspaces;

public sealed class ListWorkspacesHandlerTests
{
    [Fact]
    public async Task Handle_ReadsTheCallersOrganizationWithTheRequestedPage()
    {
        var queries = Substitute.For<IWorkspaceQueries>();
        IReadOnlyList<WorkspaceListItem> items = [new("a", "DATASOURCE")];
        queries.ListAsync(9, new WorkspacePage(10, 10), Arg.Any<CancellationToken>()).Returns(items);
        var caller = new CallerContext(null, Substitute.For<IServiceTokenLookup>().FindAsync);
        caller.Authenticate(new ServiceToken(9, "tok_test", null, TokenScope.Write, null));

        var result = await new ListWorkspacesHandler(caller, queries).Handle(new ListWorkspacesQuery("true", "2"), CancellationToken.None);

        Assert.Equal(items, await result.Value.ToListAsync());
    }
}
