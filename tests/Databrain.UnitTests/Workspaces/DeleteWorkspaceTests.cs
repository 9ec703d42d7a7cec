using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.DeleteWorkspace;
using Databrain.Application.Workspaces.Ports;
using NSubstitute;

namespace Databrain.UnitTests.Workspaces;

public sealed class DeleteWorkspaceTests
{
    private readonly IWorkspaceRepository _workspaces = Substitute.For<IWorkspaceRepository>();
    private readonly DeleteWorkspaceHandler _handler;

    public DeleteWorkspaceTests()
    {
        var caller = new CallerContext();
        caller.Authenticate(42);
        _handler = new DeleteWorkspaceHandler(caller, _workspaces);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "must be 1 to 100 characters long")]
    [InlineData(" Sales", "must not start or end with white space")]
    [InlineData("Sa\u0000les", "must not contain control characters")]
    public void Validate_NameIsRequiredAndFollowsTheNameRule(string? name, string message) =>
        Assert.Equal([("name", message)], new DeleteWorkspaceValidator().Validate(new DeleteWorkspaceCommand(name)).Errors.Select(e => (e.PropertyName, e.ErrorMessage)));

    [Fact]
    public async Task Handle_ExistingWorkspace_AnswersItsIdNameAndMessage()
    {
        _workspaces.TryDeleteAsync(42, "Sales", Arg.Any<CancellationToken>()).Returns(7L);

        var result = await _handler.Handle(new DeleteWorkspaceCommand("Sales"), CancellationToken.None);

        Assert.Equal(new DeletedWorkspace("7", "Sales", "Workspace deleted successfully"), result.Value);
    }

    [Fact]
    public async Task Handle_NoSuchWorkspaceInTheOrganization_AnswersWorkspaceDoesNotExist()
    {
        _workspaces.TryDeleteAsync(42, "Sales", Arg.Any<CancellationToken>()).Returns((long?)null);

        var result = await _handler.Handle(new DeleteWorkspaceCommand("Sales"), CancellationToken.None);

        Assert.Equal(Errors.WorkspaceDoesNotExistCode, result.Error?.Code);
        Assert.Equal("This organization has no workspace named 'Sales'.", result.Error?.Message);
    }
}
