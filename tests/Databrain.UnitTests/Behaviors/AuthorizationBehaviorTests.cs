using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using NSubstitute;

namespace Databrain.UnitTests.Behaviors;

public sealed class AuthorizationBehaviorTests
{
    private sealed record ScopedRequest : MediatR.IRequest<Result<string>>, IOrganizationScoped;

    private readonly IServiceTokenLookup _tokens = Substitute.For<IServiceTokenLookup>();
    private CallerContext _caller = new(null);
    private int _nextCalls;

    private Task<Result<string>> Handle() =>
        new AuthorizationBehavior<ScopedRequest, Result<string>>(_caller, _tokens).Handle(new ScopedRequest(), CancellationToken.None, () =>
        {
            _nextCalls++;
            return Task.FromResult(Result<string>.Success("handled"));
        });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Handle_WithoutToken_Rejects_WithoutLookingUp(string? token)
    {
        _caller = new CallerContext(token);

        var result = await Handle();

        Assert.Same(Errors.InvalidDataAppApiKey, result.Error);
        Assert.Equal(0, _nextCalls);
        await _tokens.DidNotReceiveWithAnyArgs().FindOrganizationIdAsync(default!, default);
    }

    [Fact]
    public async Task Handle_WithUnknownToken_RejectsWithTheSameError()
    {
        _caller = new CallerContext("unknown");
        _tokens.FindOrganizationIdAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns((long?)null);

        var result = await Handle();

        Assert.Same(Errors.InvalidDataAppApiKey, result.Error);
        Assert.Equal(0, _nextCalls);
        Assert.Null(_caller.OrganizationId);
    }

    [Fact]
    public async Task Handle_WithKnownToken_LooksUpItsHash_RecordsTheOrganization_AndContinues()
    {
        _caller = new CallerContext("dbn_live_secret");
        _tokens.FindOrganizationIdAsync(ServiceTokenHash.Of("dbn_live_secret"), Arg.Any<CancellationToken>()).Returns(7L);

        var result = await Handle();

        Assert.Equal("handled", result.Value);
        Assert.Equal(1, _nextCalls);
        Assert.Equal(7, _caller.RequiredOrganizationId);
        await _tokens.DidNotReceive().FindOrganizationIdAsync("dbn_live_secret", Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ServiceTokenHash_IsLowercaseHexSha256() =>
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", ServiceTokenHash.Of("hello"));
}
