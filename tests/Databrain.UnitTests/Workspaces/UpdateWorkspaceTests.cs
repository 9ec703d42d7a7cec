using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using Databrain.Application.Workspaces.UpdateWorkspace;
using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;
using NSubstitute;

namespace Databrain.UnitTests.Workspaces;

/// <summary>The update's own rule, and its handler over faked ports: each error in the contract's order, and what it writes.</summary>
public sealed class UpdateWorkspaceTests
{
    private const long OrganizationId = 42;
    private const string PublicId = "0193a3f0-0000-7000-8000-000000000007";
    private const string OtherPublicId = "0193a3f0-0000-7000-8000-000000000008";

    private static readonly UpdateWorkspaceCommand Everything = new(
        new UpdateWorkspaceRequest
        {
            Name = "Sales",
            ConnectionType = "DATASOURCE",
            DatasourceName = "pg",
            LlmName = Optional<string?>.Given("gpt"),
            AiCopilotLlms = Optional<IReadOnlyList<string?>?>.Given(["claude"]),
            ThemeName = Optional<string?>.Given("dark"),
        },
        ExpectedVersion.Of(WorkspaceTags.Of(PublicId, 3)),
        idempotencyKey: null);

    private static readonly ResolvedReferences AllFound = new(
        new StoredWorkspace(7, PublicId, 3), 1, 2, new Dictionary<string, long> { ["gpt"] = 10, ["claude"] = 11 }, 4);

    private static readonly WorkspaceDetails Before = new(
        "7", "Sales", "DATASOURCE", "pg", null, "gpt", ["llama", "claude"], false, false, null, null, "light", 3, DateTime.UnixEpoch, DateTime.UnixEpoch);

    private static readonly WorkspaceDetails Stored = new(
        "7", "Sales", "DATASOURCE", "pg", null, "gpt", ["claude"], false, false, null, null, "dark", 4, DateTime.UnixEpoch, DateTime.UnixEpoch);

    private readonly IWorkspaceReferenceLookup _lookup = Substitute.For<IWorkspaceReferenceLookup>();
    private readonly IWorkspaceRepository _workspaces = Substitute.For<IWorkspaceRepository>();
    private readonly ChangeLog _changes = new();
    private readonly UpdateWorkspaceHandler _handler;

    public UpdateWorkspaceTests()
    {
        var caller = new CallerContext(null, Substitute.For<IServiceTokenLookup>().FindAsync);
        caller.Authenticate(new ServiceToken(OrganizationId, "tok_test", null, TokenScope.Write, null));
        _handler = new UpdateWorkspaceHandler(caller, _lookup, _workspaces, _changes);
        _workspaces.TryUpdateAsync(default, default!, default, default).ReturnsForAnyArgs(ConditionalWrite<WorkspaceUpdate>.Done(new WorkspaceUpdate(Before, Stored)));
    }

    private static FluentValidation.Results.ValidationResult Validate(UpdateWorkspaceRequest body) =>
        new UpdateWorkspaceValidator().Validate(new UpdateWorkspaceCommand(body, ifMatch: null, idempotencyKey: null));

    [Theory]
    [InlineData("custom", "p")]
    [InlineData("custom", null)]
    [InlineData("forecastAndTrendAnalysis", null)]
    [InlineData(null, "p")]
    public void Validate_SummaryFieldsWithoutTheirSwitch_NameTheSwitchAlone(string? summaryType, string? prompt)
    {
        var errors = Validate(new UpdateWorkspaceRequest { Name = "W", ConnectionType = "MULTI_DATAMART", SummaryType = summaryType, CustomSummaryPrompt = prompt }).Errors;

        // Not also "summaryType is not allowed when isEnableMetricSummary is false": the switch was left out, not false.
        var error = Assert.Single(errors);
        Assert.Equal("isEnableMetricSummary", error.PropertyName);
    }

    [Fact]
    public void Validate_SummaryFieldsWithTheirSwitch_FollowTheCreateRules()
    {
        var errors = Validate(new UpdateWorkspaceRequest { Name = "W", ConnectionType = "MULTI_DATAMART", IsEnableMetricSummary = false, SummaryType = "custom" }).Errors;

        Assert.Equal(["summaryType", "customSummaryPrompt"], errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Validate_UsesTheSharedFieldRules()
    {
        var errors = Validate(new UpdateWorkspaceRequest { Name = " W", ConnectionType = "DATASOURCE", ThemeName = Optional<string?>.Given("") }).Errors;

        Assert.Equal(["name", "datasourceName", "themeName"], errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Validate_NullClearsAndIsValid()
    {
        var cleared = new UpdateWorkspaceRequest
        {
            Name = "W",
            ConnectionType = "MULTI_DATAMART",
            LlmName = Optional<string?>.Given(null),
            AiCopilotLlms = Optional<IReadOnlyList<string?>?>.Given(null),
            ThemeName = Optional<string?>.Given(null),
        };

        Assert.True(Validate(cleared).IsValid);
    }

    public static TheoryData<string, ResolvedReferences> FirstFailures => new()
    {
        { Errors.WorkspaceDoesNotExistCode, AllFound with { Workspace = null, DatasourceId = null } },
        { Errors.WorkspaceVersionMismatchCode, AllFound with { Workspace = new StoredWorkspace(7, PublicId, 4), DatasourceId = null } },
        { Errors.WorkspaceVersionMismatchCode, AllFound with { Workspace = new StoredWorkspace(7, OtherPublicId, 3), DatasourceId = null } },
        { Errors.InvalidDatasourceNameCode, AllFound with { DatasourceId = null, ThemeId = null } },
        { Errors.InvalidLlmNameCode, AllFound with { LlmIds = new Dictionary<string, long> { ["claude"] = 11 }, ThemeId = null } },
        { Errors.InvalidAiCopilotLlmsCode, AllFound with { LlmIds = new Dictionary<string, long> { ["gpt"] = 10 }, ThemeId = null } },
        { Errors.InvalidThemeNameCode, AllFound with { ThemeId = null } },
    };

    [Theory]
    [MemberData(nameof(FirstFailures))]
    public async Task Handle_AnswersTheFirstFailure_InTheContractsOrder_AndWritesNothing(string code, ResolvedReferences found)
    {
        _lookup.ResolveAsync(OrganizationId, Arg.Any<WorkspaceReferences>(), Arg.Any<CancellationToken>()).Returns(found);

        var result = await _handler.Handle(Everything, CancellationToken.None);

        Assert.Equal(code, result.Error?.Code);
        Assert.Empty(_changes.TakeAll());
        await _workspaces.DidNotReceiveWithAnyArgs().TryUpdateAsync(default, default!, default, default);
    }

    [Fact]
    public async Task Handle_WritesTheGivenFields_KeepsTheLeftOut_AndChecksTheVersionInTheWrite()
    {
        _lookup.ResolveAsync(OrganizationId, Arg.Any<WorkspaceReferences>(), Arg.Any<CancellationToken>()).Returns(AllFound);

        var result = await _handler.Handle(Everything, CancellationToken.None);

        Assert.Same(Stored, result.Value);
        var change = Assert.Single(_changes.TakeAll());
        Assert.Equal(("7", "update", 4L), (change.WorkspaceId, change.Operation, change.Version));
        Assert.Equal(["aiCopilotLlms", "themeName"], change.Changed); // the stored values that differ, and only those
        await _workspaces.Received(1).TryUpdateAsync(
            7,
            Arg.Is<WorkspaceChanges>(c => c.ConnectionType == ConnectionType.Datasource && c.DatasourceId == 1 && c.DatamartId == null
                && c.LlmId == Optional<long?>.Given(10) && c.CopilotLlmIds.IsGiven && c.CopilotLlmIds.Value.SequenceEqual(new long[] { 11 })
                && !c.IsEnableMetricSuggestions.IsGiven && !c.MetricSummary.IsGiven && c.ThemeId == Optional<long?>.Given(4)),
            new WorkspaceVersion(PublicId, 3),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AWriteRefusedByTheVersionCheck_AnswersMismatch_AndOneOnAGoneWorkspace_DoesNotExist()
    {
        _lookup.ResolveAsync(OrganizationId, Arg.Any<WorkspaceReferences>(), Arg.Any<CancellationToken>()).Returns(AllFound);
        _workspaces.TryUpdateAsync(default, default!, default, default).ReturnsForAnyArgs(ConditionalWrite<WorkspaceUpdate>.Refused(5), ConditionalWrite<WorkspaceUpdate>.Refused(null));

        Assert.Equal(Errors.WorkspaceVersionMismatchCode, (await _handler.Handle(Everything, CancellationToken.None)).Error?.Code);
        Assert.Equal(Errors.WorkspaceDoesNotExistCode, (await _handler.Handle(Everything, CancellationToken.None)).Error?.Code);
    }
}
