using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Results;
using FluentValidation;

namespace Databrain.UnitTests.Behaviors;

public sealed class ValidationBehaviorTests
{
    private sealed record Request(string? A, string? B);

    private sealed class RequiresA : AbstractValidator<Request>
    {
        public RequiresA() => RuleFor(r => r.A).NotNull().WithMessage("is required").OverridePropertyName("a");
    }

    private sealed class RequiresB : AbstractValidator<Request>
    {
        public RequiresB() => RuleFor(r => r.B).NotNull().WithMessage("is required").OverridePropertyName("b");
    }

    private int _nextCalls;

    private Task<Result<string>> Handle(Request request, params IValidator<Request>[] validators) =>
        new ValidationBehavior<Request, Result<string>>(validators).Handle(request, CancellationToken.None, () =>
        {
            _nextCalls++;
            return Task.FromResult(Result<string>.Success("handled"));
        });

    [Fact]
    public async Task Handle_WhenEveryValidatorPasses_CallsTheHandler()
    {
        var result = await Handle(new Request("x", "y"), new RequiresA(), new RequiresB());

        Assert.Equal("handled", result.Value);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task Handle_WithoutValidators_CallsTheHandler()
    {
        await Handle(new Request(null, null));

        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task Handle_WhenValidatorsFail_ReportsEveryProblem_AndDoesNotCallTheHandler()
    {
        var result = await Handle(new Request(null, null), new RequiresA(), new RequiresB());

        Assert.Equal(0, _nextCalls);
        Assert.Equal(Errors.InvalidRequestBodyCode, result.Error?.Code);
        Assert.Equal([new ErrorDetail("a", "is required"), new ErrorDetail("b", "is required")], result.Error!.Details);
        Assert.Equal("a is required (and 1 more, listed in details)", result.Error.Message);
    }

    [Fact]
    public async Task Handle_OneProblem_MessageIsThatProblem()
    {
        var result = await Handle(new Request("x", null), new RequiresA(), new RequiresB());

        Assert.Equal("b is required", result.Error?.Message);
    }
}
