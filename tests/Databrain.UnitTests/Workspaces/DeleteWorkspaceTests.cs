using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.DeleteWorkspace;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using NSubstitute;

namespace Databrain.UnitTests.Workspaces;

public sealed class DeleteWorkspaceTests
{
    private readonly IWorkspaceRepository _workspaces = Substitute.For<IWorkspaceRepository>();
    private readonly ChangeLog _changes = new();
    private readonly DeleteWorkspaceHandler _handler;

    public DeleteWorkspaceTests()
    {
        var caller = new CallerContext(null, Substitute.For<IServiceTokenLookup>().FindAsync);
        caller.Authenticate(new ServiceToken(42, "tok_test", null, TokenScope.Write, null));
        _handler = new DeleteWorkspaceHandler(caller, _workspaces, _changes);
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
        _workspaces.TryDeleteAsync(42, "Sales", null, Arg.Any<CancellationToken>()).Returns(ConditionalWrite<WorkspaceVersion>.Done(new WorkspaceVersion("0193a3f0-0000-7000-8000-000000000007", 4)));

        var result = await _handler.Handle(new DeleteWorkspaceCommand("Sales"), CancellationToken.None);

        Assert.Equal(new DeletedWorkspace("0193a3f0-0000-7000-8000-000000000007", "Sales", "Workspace deleted successfully"), result.Value);
        var change = Assert.Single(_changes.TakeAll());
        Assert.Equal(("0193a3f0-0000-7000-8000-000000000007", "Sales", "delete", 4L), (change.WorkspaceId, change.Name, change.Operation, change.Version));
        Assert.Empty(change.Changed);
    }

    [Fact]
    public async Task Handle_NoSuchWorkspaceInTheOrganization_AnswersWorkspaceDoesNotExist()
    {
        _workspaces.TryDeleteAsync(42, "Sales", null, Arg.Any<CancellationToken>()).Returns(ConditionalWrite<WorkspaceVersion>.Refused(null));

        var result = await _handler.Handle(new DeleteWorkspaceCommand("Sales"), CancellationToken.None);

        Assert.Equal(Errors.WorkspaceDoesNotExistCode, result.Error?.Code);
        Assert.Equal("This organization has no workspace named 'Sales'.", result.Error?.Message);
        Assert.Empty(_changes.TakeAll());
    }

    [Fact]
    public async Task Handle_IfMatchOfAnotherVersion_AnswersVersionMismatch_WithTheCurrentVersion()
    {
        const string Id = "0193a3f0-0000-7000-8000-000000000007";
        _workspaces.TryDeleteAsync(42, "Sales", new WorkspaceVersion(Id, 3), Arg.Any<CancellationToken>()).Returns(ConditionalWrite<WorkspaceVersion>.Refused(5));

        var result = await _handler.Handle(new DeleteWorkspaceCommand("Sales", ExpectedVersion.Of(WorkspaceTags.Of(Id, 3))), CancellationToken.None);

        Assert.Equal(Errors.WorkspaceVersionMismatchCode, result.Error?.Code);
        Assert.Contains("version 5", result.Error?.Message, StringComparison.Ordinal);
    }
}
