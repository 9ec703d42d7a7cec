using Databrain.Application.Catalog.IssueServiceToken;
using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using NSubstitute;

namespace Databrain.UnitTests.Catalog;

public sealed class IssueServiceTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly ICatalogStore _catalog = Substitute.For<ICatalogStore>();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task Handle_StoresTheHashOfTheTokenItReturns()
    {
        _catalog.AddServiceTokenAsync("acme", Arg.Any<NewServiceToken>(), Arg.Any<CancellationToken>()).Returns(true);

        var result = await new IssueServiceTokenHandler(_catalog, _time).Handle(new IssueServiceTokenCommand("acme"), CancellationToken.None);

        Assert.StartsWith("dbn_live_", result.Value.Token, StringComparison.Ordinal);
        Assert.True(result.Value.Token.Length >= 40);
        await _catalog.Received(1).AddServiceTokenAsync(
            "acme", Arg.Is<NewServiceToken>(t => t.TokenHash == ServiceTokenHash.Of(result.Value.Token) && t.Id == result.Value.Id && t.Scope == TokenScope.Write && t.ExpiresAt == null), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_StoresTheLabelScopeAndExpiryAsked()
    {
        _catalog.AddServiceTokenAsync(default!, default!, default).ReturnsForAnyArgs(true);

        var result = await new IssueServiceTokenHandler(_catalog, _time).Handle(new IssueServiceTokenCommand("acme", "ci", "read", 30), CancellationToken.None);

        Assert.Equal(("ci", TokenScope.Read, Now.AddDays(30)), (result.Value.Label, result.Value.Scope, result.Value.ExpiresAt));
        Assert.Matches("^tok_[0-9a-f]{32}$", result.Value.Id);
    }

    [Fact]
    public async Task Handle_IssuesADifferentTokenEachTime()
    {
        _catalog.AddServiceTokenAsync(default!, default!, default).ReturnsForAnyArgs(true);
        var handler = new IssueServiceTokenHandler(_catalog, _time);

        var first = await handler.Handle(new IssueServiceTokenCommand("acme"), CancellationToken.None);
        var second = await handler.Handle(new IssueServiceTokenCommand("acme"), CancellationToken.None);

        Assert.NotEqual(first.Value.Token, second.Value.Token);
    }

    [Fact]
    public async Task Handle_UnknownOrganization_IsAnError()
    {
        _catalog.AddServiceTokenAsync(default!, default!, default).ReturnsForAnyArgs(false);

        var result = await new IssueServiceTokenHandler(_catalog, _time).Handle(new IssueServiceTokenCommand("nobody"), CancellationToken.None);

        Assert.Equal(Errors.UnknownOrganizationCode, result.Error?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" acme")]
    public void Validate_OrganizationNameFollowsTheNameRule(string? name) =>
        Assert.False(new IssueServiceTokenValidator().Validate(new IssueServiceTokenCommand(name)).IsValid);
}
