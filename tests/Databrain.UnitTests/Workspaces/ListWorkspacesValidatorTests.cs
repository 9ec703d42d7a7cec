using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.ListWorkspaces;

namespace Databrain.UnitTests.Workspaces;

public sealed class ListWorkspacesValidatorTests
{
    private static readonly ListWorkspacesValidator Validator = new();

    [Theory]
    [InlineData(null, null)]
    [InlineData("true", "1")]
    [InlineData("false", "7")]
    [InlineData("true", "2147483647")]
    [InlineData("true", "007")]
    public void Validate_AcceptsTheContractsValues(string? isPagination, string? pageNumber) =>
        Assert.True(Validator.Validate(new ListWorkspacesQuery(isPagination, pageNumber)).IsValid);

    [Theory]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("")]
    public void Validate_RejectsOtherPaginationFlags(string isPagination) =>
        Assert.Equal(["isPagination"], Validator.Validate(new ListWorkspacesQuery(isPagination, null)).Errors.Select(e => e.PropertyName));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("2147483648")]
    [InlineData("١")]
    public void Validate_RejectsPageNumbersThatAreNotWholeNumbersFromOne(string pageNumber) =>
        Assert.Equal(["pageNumber"], Validator.Validate(new ListWorkspacesQuery("true", pageNumber)).Errors.Select(e => e.PropertyName));

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("false", "3", null, null)]
    [InlineData("true", null, 0L, 10)]
    [InlineData("true", "1", 0L, 10)]
    [InlineData("true", "3", 20L, 10)]
    [InlineData("true", "2147483647", 21474836460L, 10)]
    public void PageOf_TurnsAValidQueryIntoSkipAndTake(string? isPagination, string? pageNumber, long? skip, int? take)
    {
        var page = WorkspacePage.Of(isPagination, pageNumber, pageSize: null);
        Assert.Equal(skip, page?.Skip);
        Assert.Equal(take, page?.Take);
    }
}
