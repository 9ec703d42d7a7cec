using Databrain.Application.AreaName.UseCaseName;
using Databrain.Application.Common.Security;
#if (query)
using UseCaseNameInput = Databrain.Application.AreaName.UseCaseName.UseCaseNameQuery;
#else
using UseCaseNameInput = Databrain.Application.AreaName.UseCaseName.UseCaseNameCommand;
#endif

namespace Databrain.UnitTests.AreaName;

/// <summary>UseCaseName: its field rules and its handler over faked ports (docs/adding-a-command.md, step 7).</summary>
public sealed class UseCaseNameTests
{
    private readonly UseCaseNameHandler _handler;

    public UseCaseNameTests()
    {
        // The caller as the authorization behavior leaves it (a handler test does not run it, nor look a token up).
        var caller = new CallerContext(null, (_, _) => Task.FromResult<ServiceToken?>(null));
        caller.Authenticate(new ServiceToken(42, "tok_test", null, TokenScope.Write, null));
        _handler = new UseCaseNameHandler(caller);
    }

    [Fact]
    public void Validate_NameIsRequired() =>
        Assert.Equal([("name", "is required")], new UseCaseNameValidator().Validate(new UseCaseNameInput(null)).Errors.Select(e => (e.PropertyName, e.ErrorMessage)));

    [Fact]
    public async Task Handle_TheFirstCase_IsNotWrittenYet()
    {
        var result = await _handler.Handle(new UseCaseNameInput("Sales"), CancellationToken.None);

        Assert.Fail($"Write the handler's first case, and this test for it (got {result}).");
    }
}
