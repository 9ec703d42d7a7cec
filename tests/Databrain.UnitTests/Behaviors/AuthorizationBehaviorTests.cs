using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using NSubstitute;

namespace Databrain.UnitTests.Behaviors;

public sealed class AuthorizationBehaviorTests
{
    private sealed record ScopedRequest : MediatR.IRequest<Result<string>>, IOrganizationScoped;

    private sealed record WriteRequest : MediatR.IRequest<Result<string>>, IWriteRequest;

    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly IServiceTokenLookup _tokens = Substitute.For<IServiceTokenLookup>();
    private readonly IAuthenticationFailures _failures = Substitute.For<IAuthenticationFailures>();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(Now);
    private CallerContext _caller;
    private int _nextCalls;

    public AuthorizationBehaviorTests() => _caller = new CallerContext(null, _tokens.FindAsync);

    private Task<Result<string>> Handle() => Handle(new ScopedRequest());

    private Task<Result<string>> Handle<TRequest>(TRequest request)
        where TRequest : IOrganizationScoped =>
        new AuthorizationBehavior<TRequest, Result<string>>(_caller, _failures, _time).Handle(request, CancellationToken.None, () =>
        {
            _nextCalls++;
            return Task.FromResult(Result<string>.Success("handled"));
        });

    private void Issued(string secret, TokenScope scope = TokenScope.Write, DateTimeOffset? expiresAt = null) =>
        _tokens.FindAsync(ServiceTokenHash.Of(secret), Arg.Any<CancellationToken>()).Returns(new ServiceToken(7, "tok_1", "ci", scope, expiresAt));

    [Fact]
    public async Task TheToken_IsLookedUpOncePerRequest_WhicheverStepAsksFirst()
    {
        Issued("dbn_secret");
        _caller = new CallerContext("dbn_secret", _tokens.FindAsync);

        var forTheRateLimit = await _caller.FindTokenAsync(CancellationToken.None); // the per-organization limit asks first
        var result = await Handle();

        Assert.True(result.IsSuccess);
        Assert.Same(forTheRateLimit, _caller.Token);
        await _tokens.Received(1).FindAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Handle_WithoutToken_Rejects_WithoutLookingUp(string? token)
    {
        _caller = new CallerContext(token, _tokens.FindAsync);

        var result = await Handle();

        Assert.Same(Errors.InvalidDataAppApiKey, result.Error);
        Assert.Equal(0, _nextCalls);
        await _tokens.DidNotReceiveWithAnyArgs().FindAsync(default!, default);
    }

    [Fact]
    public async Task Handle_WithUnknownToken_RejectsWithTheSameError()
    {
        _caller = new CallerContext("unknown", _tokens.FindAsync);
        _tokens.FindAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns((ServiceToken?)null);

        var result = await Handle();

        Assert.Same(Errors.InvalidDataAppApiKey, result.Error);
        Assert.Equal(0, _nextCalls);
        Assert.Null(_caller.OrganizationId);
    }

    [Fact]
    public async Task Handle_WithKnownToken_LooksUpItsHash_RecordsTheCaller_AndContinues()
    {
        _caller = new CallerContext("dbn_live_secret", _tokens.FindAsync);
        Issued("dbn_live_secret");

        var result = await Handle();

        Assert.Equal("handled", result.Value);
        Assert.Equal(1, _nextCalls);
        Assert.Equal(7, _caller.RequiredOrganizationId);
        Assert.Equal(("tok_1", "ci"), (_caller.Token!.Id, _caller.Token.Label));
        await _tokens.DidNotReceive().FindAsync("dbn_live_secret", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AFailureOverTheAddressLimit_Answers429_WithTheWaitTheHostGives()
    {
        _caller = new CallerContext("guess", _tokens.FindAsync);
        _failures.RecordAsync(Arg.Any<CancellationToken>()).Returns(17);

        var result = await Handle();

        Assert.Equal((Errors.TooManyRequestsCode, "Too many requests: try again in 17 s."), (result.Error?.Code, result.Error?.Message));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task Handle_EveryFailure_IsRecorded_AndASuccessIsNot()
    {
        _caller = new CallerContext(null, _tokens.FindAsync);
        await Handle();
        _caller = new CallerContext("dbn_live_secret", _tokens.FindAsync);
        Issued("dbn_live_secret");
        await Handle();

        await _failures.Received(1).RecordAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WithAnExpiredToken_RejectsWithTheSameErrorAsAnUnknownOne()
    {
        _caller = new CallerContext("dbn_live_old", _tokens.FindAsync);
        Issued("dbn_live_old", expiresAt: Now);

        var result = await Handle();

        Assert.Same(Errors.InvalidDataAppApiKey, result.Error);
        Assert.Equal(0, _nextCalls);
        Assert.Null(_caller.Token);
    }

    [Fact]
    public async Task Handle_WithATokenExpiringLater_Continues()
    {
        _caller = new CallerContext("dbn_live_new", _tokens.FindAsync);
        Issued("dbn_live_new", expiresAt: Now.AddSeconds(1));

        Assert.Equal("handled", (await Handle()).Value);
    }

    [Fact]
    public async Task Handle_AWriteWithAReadToken_IsRefusedForItsScope_BeforeAnythingElse()
    {
        _caller = new CallerContext("dbn_live_reader", _tokens.FindAsync);
        Issued("dbn_live_reader", TokenScope.Read);

        var write = await Handle(new WriteRequest());
        var read = await Handle(new ScopedRequest());

        Assert.Same(Errors.InsufficientTokenScope, write.Error);
        Assert.Equal("handled", read.Value);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public void ServiceTokenHash_IsLowercaseHexSha256() =>
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", ServiceTokenHash.Of("hello"));
}
