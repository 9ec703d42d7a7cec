using Databrain.Application.Catalog.IssueServiceToken;
using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using NSubstitute;

namespace Databrain.UnitTests.Catalog;

public sealed class IssueServiceTokenTests
{
    private readonly ICatalogStore _catalog = Substitute.For<ICatalogStore>();

    [Fact]
    public async Task Handle_StoresTheHashOfTheTokenItReturns()
    {
        _catalog.AddServiceTokenAsync("acme", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(true);

        var result = await new IssueServiceTokenHandler(_catalog).Handle(new IssueServiceTokenCommand("acme"), CancellationToken.None);

        Assert.StartsWith("dbn_live_", result.Value.Token, StringComparison.Ordinal);
        Assert.True(result.Value.Token.Length >= 40);
        await _catalog.Received(1).AddServiceTokenAsync("acme", ServiceTokenHash.Of(result.Value.Token), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_IssuesADifferentTokenEachTime()
    {
        _catalog.AddServiceTokenAsync(default!, default!, default).ReturnsForAnyArgs(true);
        var handler = new IssueServiceTokenHandler(_catalog);

        var first = await handler.Handle(new IssueServiceTokenCommand("acme"), CancellationToken.None);
        var second = await handler.Handle(new IssueServiceTokenCommand("acme"), CancellationToken.None);

        Assert.NotEqual(first.Value.Token, second.Value.Token);
    }

    [Fact]
    public async Task Handle_UnknownOrganization_IsAnError()
    {
        _catalog.AddServiceTokenAsync(default!, default!, default).ReturnsForAnyArgs(false);

        var result = await new IssueServiceTokenHandler(_catalog).Handle(new IssueServiceTokenCommand("nobody"), CancellationToken.None);

        Assert.Equal(Errors.UnknownOrganizationCode, result.Error?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" acme")]
    public void Validate_OrganizationNameFollowsTheNameRule(string? name) =>
        Assert.False(new IssueServiceTokenValidator().Validate(new IssueServiceTokenCommand(name)).IsValid);
}
