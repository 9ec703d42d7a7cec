using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using NSubstitute;

namespace Databrain.UnitTests.Behaviors;

/// <summary>The idempotency behavior over a faked store: what it stores, when it replays, and what it leaves alone.</summary>
public sealed class IdempotencyBehaviorTests
{
    private sealed record KeyedRequest(IdempotencyKey? IdempotencyKey) : MediatR.IRequest<Result<string>>, IIdempotent;

    private static readonly IdempotencyKey Key = new("k-1", "v2:fingerprint-a", "fingerprint-a-earlier");
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private readonly IIdempotencyStore _store = Substitute.For<IIdempotencyStore>();
    private readonly IIdempotentWrite _write = Substitute.For<IIdempotentWrite>();
    private readonly CallerContext _caller = new(null, Substitute.For<IServiceTokenLookup>().FindAsync);
    private readonly IdempotencyOptions _options = new() { RetentionHours = 24, NewKeysPerSecond = 1, NewKeysBurst = 2 };
    private readonly NewKeyBudget _budget;
    private int _handled;

    public IdempotencyBehaviorTests()
    {
        _budget = new NewKeyBudget(_options, new FixedClock(), new Meters());
        _caller.Authenticate(new ServiceToken(42, "tok_test", null, TokenScope.Write, null));
        _store.RunAsync<(Result<string>, bool)>(default!, default)
            .ReturnsForAnyArgs(call => call.Arg<Func<IIdempotentWrite, Task<(Result<string>, bool)>>>()(_write));
    }

    private Task<Result<string>> Handle(IdempotencyKey? key, Result<string> answer) =>
        new IdempotencyBehavior<KeyedRequest, Result<string>>(_caller, _store, _options, _budget, new FixedClock())
            .Handle(new KeyedRequest(key), CancellationToken.None, () =>
            {
                _handled++;
                return Task.FromResult(answer);
            });

    private static StoredAnswer Stored(string fingerprint, string? errorCode = null) =>
        new("k-1", fingerprint, errorCode, errorCode is null ? null : "stored message", errorCode is null ? "\"first\"" : null, Now, Now.AddHours(24));

    [Fact]
    public async Task WithoutAKey_ItOnlyRunsTheRequest()
    {
        var result = await Handle(null, "handled");

        Assert.Equal("handled", result.Value);
        await _store.DidNotReceiveWithAnyArgs().RunAsync<(Result<string>, bool)>(default!, default);
    }

    [Fact]
    public async Task AFirstRequest_IsStored_WithItsAnswerAndRetention()
    {
        _write.TryCompleteAsync(42, Arg.Any<StoredAnswer>(), Arg.Any<CancellationToken>()).Returns(true);

        var result = await Handle(Key, "handled");

        Assert.Equal("handled", result.Value);
        Assert.False(result.IsReplayed);
        await _write.Received(1).TryCompleteAsync(
            42, new StoredAnswer("k-1", "v2:fingerprint-a", null, null, "\"handled\"", Now, Now.AddHours(24)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ABusinessRejection_IsStoredToo()
    {
        _write.TryCompleteAsync(42, Arg.Any<StoredAnswer>(), Arg.Any<CancellationToken>()).Returns(true);

        await Handle(Key, Errors.WorkspaceNameAlreadyExists("W"));

        await _write.Received(1).TryCompleteAsync(42, Arg.Is<StoredAnswer>(a => a.ErrorCode == Errors.WorkspaceNameAlreadyExistsCode), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WhenAnotherRequestStoredTheKeyFirst_ItsAnswerIsReplayed()
    {
        _write.TryCompleteAsync(default, default!, default).ReturnsForAnyArgs(false);
        _store.FindAsync(42, "k-1", Now, Arg.Any<CancellationToken>()).Returns(Stored("v2:fingerprint-a"));

        var result = await Handle(Key, "second");

        Assert.True(result.IsReplayed);
        Assert.Equal("first", result.Value);
    }

    [Fact]
    public async Task TheSameKey_ForADifferentRequest_Answers422()
    {
        _write.TryCompleteAsync(default, default!, default).ReturnsForAnyArgs(false);
        _store.FindAsync(42, "k-1", Now, Arg.Any<CancellationToken>()).Returns(Stored("v2:fingerprint-b"));

        var result = await Handle(Key, "second");

        Assert.Equal(Errors.IdempotencyKeyReusedCode, result.Error?.Code);
    }

    [Fact]
    public async Task AFieldRuleFailure_IsNotStored_AndComesAfterAStoredAnswer()
    {
        var invalid = Errors.InvalidRequestBody("name", "is required");
        var unknownKey = await Handle(Key, invalid);
        _store.FindAsync(42, "k-1", Now, Arg.Any<CancellationToken>()).Returns(Stored("v2:fingerprint-b"));
        var reusedKey = await Handle(Key, invalid);

        Assert.Same(invalid, unknownKey.Error);
        Assert.Equal(Errors.IdempotencyKeyReusedCode, reusedKey.Error?.Code);
        await _write.DidNotReceiveWithAnyArgs().TryCompleteAsync(default, default!, default);
    }

    [Fact]
    public async Task AnException_IsNotStored_AndEndsTheStoresUnitOfWork()
    {
        var behavior = new IdempotencyBehavior<KeyedRequest, Result<string>>(_caller, _store, _options, _budget, new FixedClock());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behavior.Handle(new KeyedRequest(Key), CancellationToken.None, () => throw new InvalidOperationException("database down")));

        await _write.DidNotReceiveWithAnyArgs().TryCompleteAsync(default, default!, default);
        await _store.ReceivedWithAnyArgs(1).RunAsync<(Result<string>, bool)>(default!, default); // which rolls back what it began
    }

    [Fact]
    public async Task AnAnswerStoredByTheEarlierRelease_IsReplayed_ByItsEarlierFingerprint()
    {
        _write.TryCompleteAsync(default, default!, default).ReturnsForAnyArgs(false);
        _store.FindAsync(42, "k-1", Now, Arg.Any<CancellationToken>()).Returns(Stored("fingerprint-a-earlier"));

        var result = await Handle(Key, "second");

        Assert.True(result.IsReplayed);
    }

    [Fact]
    public async Task AStoredAnswer_RoundTripsAsTheSameResult()
    {
        var replayed = Result<string>.Replay(Stored("f", Errors.WorkspaceDoesNotExistCode));

        Assert.True(replayed.IsReplayed);
        Assert.Equal((Errors.WorkspaceDoesNotExistCode, "stored message"), (replayed.Error?.Code, replayed.Error?.Message));
        Assert.Equal(0, _handled);
    }

    [Fact]
    public async Task NewKeysBeyondTheBound_Get429_WhileAStoredKeyStillReplays_AndAReplayTakesNothing()
    {
        _write.TryCompleteAsync(default, default!, default).ReturnsForAnyArgs(true);
        Assert.True((await Handle(Key, "first")).IsSuccess);
        Assert.True((await Handle(Key with { Value = "k-2" }, "second")).IsSuccess);

        var third = await Handle(Key with { Value = "k-3" }, "third");
        _store.FindAsync(42, "k-1", Now, Arg.Any<CancellationToken>()).Returns(Stored("v2:fingerprint-a"));
        var replay = await Handle(Key, "first again");

        Assert.Equal((Errors.TooManyRequestsCode, 1), (third.Error?.Code, third.Error?.RetryAfterSeconds));
        Assert.True(replay.IsReplayed);
        Assert.Equal(2, _handled);
    }

    [Fact]
    public async Task ARequestThatStoresNothing_GivesItsTokenBack()
    {
        _write.TryCompleteAsync(default, default!, default).ReturnsForAnyArgs(false);
        _store.FindAsync(42, "k-1", Now, Arg.Any<CancellationToken>()).Returns(Stored("v2:fingerprint-a"));

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await Handle(Key, "replayed")).IsReplayed);
        }

        _write.TryCompleteAsync(42, Arg.Is<StoredAnswer>(a => a.Key == "k-new"), Arg.Any<CancellationToken>()).Returns(true);
        var fresh = await Handle(Key with { Value = "k-new" }, "new");
        Assert.True(fresh.IsSuccess && !fresh.IsReplayed, fresh.Error?.Code); // the bound of 2 is still whole
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
