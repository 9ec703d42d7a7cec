using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;
using NSubstitute;

namespace Databrain.UnitTests.Workspaces;

public sealed class CreateWorkspaceHandlerTests
{
    private const long OrganizationId = 42;

    private readonly IWorkspaceReferenceLookup _lookup = Substitute.For<IWorkspaceReferenceLookup>();
    private readonly IWorkspaceRepository _workspaces = Substitute.For<IWorkspaceRepository>();
    private readonly ChangeLog _changes = new();
    private readonly CreateWorkspaceHandler _handler;

    /// <summary>Asks for everything that can be looked up, so that each test removes one thing from the catalog.</summary>
    private static readonly CreateWorkspaceCommand Everything = new(new CreateWorkspaceRequest
    {
        Name = "Sales",
        ConnectionType = "DATASOURCE",
        DatasourceName = "pg",
        LlmName = "gpt",
        AiCopilotLlms = ["claude", "llama"],
        IsEnableMetricSuggestions = true,
        IsEnableMetricSummary = true,
        SummaryType = "custom",
        CustomSummaryPrompt = "Explain",
        ThemeName = "dark",
    }, idempotencyKey: null);

    private static readonly ResolvedReferences AllFound = new(
        Workspace: null,
        DatasourceId: 1,
        DatamartId: 2,
        LlmIds: new Dictionary<string, long> { ["gpt"] = 10, ["claude"] = 11, ["llama"] = 12 },
        ThemeId: 3);

    public CreateWorkspaceHandlerTests()
    {
        var caller = new CallerContext(null, Substitute.For<IServiceTokenLookup>().FindAsync);
        caller.Authenticate(new ServiceToken(OrganizationId, "tok_test", null, TokenScope.Write, null));
        _handler = new CreateWorkspaceHandler(caller, _lookup, _workspaces, _changes);
        _workspaces.TryAddAsync(Arg.Any<Workspace>(), Arg.Any<CancellationToken>()).Returns(true);
    }

    private Task<Result<CreatedWorkspace>> Handle(CreateWorkspaceCommand command, ResolvedReferences found)
    {
        _lookup.ResolveAsync(OrganizationId, Arg.Any<WorkspaceReferences>(), Arg.Any<CancellationToken>()).Returns(found);
        return _handler.Handle(command, CancellationToken.None);
    }

    [Fact]
    public async Task Handle_WhenEverythingResolves_StoresTheWorkspaceWithResolvedIds()
    {
        var result = await Handle(Everything, AllFound);

        Assert.True(result.IsSuccess);
        Assert.Equal("Sales", result.Value.Name);
        await _workspaces.Received(1).TryAddAsync(
            Arg.Is<Workspace>(w =>
                w.OrganizationId == OrganizationId && w.Name == "Sales" && w.ConnectionType == ConnectionType.Datasource
                && w.DatasourceId == 1 && w.DatamartId == null && w.ThemeId == 3 && w.Ai.LlmId == 10
                && w.Ai.CopilotLlmIds.SequenceEqual(new long[] { 11, 12 }) && w.Ai.IsEnableMetricSuggestions
                && w.Ai.MetricSummary!.Type == SummaryType.Custom && w.Ai.MetricSummary.CustomPrompt == "Explain"),
            Arg.Any<CancellationToken>());
        var change = Assert.Single(_changes.TakeAll());
        Assert.Equal(("Sales", "create", 1L), (change.Name, change.Operation, change.Version));
        Assert.Equal( // every field given a value; datamartName was left out
            ["name", "connectionType", "datasourceName", "llmName", "aiCopilotLlms", "isEnableMetricSuggestions", "isEnableMetricSummary", "summaryType", "customSummaryPrompt", "themeName"],
            change.Changed);
    }

    [Fact]
    public async Task Handle_LooksUpEveryNameOnceInOneCall()
    {
        await Handle(Everything, AllFound);

        await _lookup.Received(1).ResolveAsync(
            OrganizationId,
            Arg.Is<WorkspaceReferences>(r => r.WorkspaceName == "Sales" && r.DatasourceName == "pg" && r.DatamartName == null
                && r.ThemeName == "dark" && r.LlmNames.Order().SequenceEqual(new[] { "claude", "gpt", "llama" })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenSummariesAreOff_StoresNoSummary()
    {
        await Handle(new CreateWorkspaceCommand(new CreateWorkspaceRequest { Name = "W", ConnectionType = "MULTI_DATAMART" }, idempotencyKey: null), AllFound with { DatasourceId = null, DatamartId = null });

        await _workspaces.Received(1).TryAddAsync(
            Arg.Is<Workspace>(w => w.Ai.MetricSummary == null && !w.Ai.IsEnableMetricSuggestions && w.Ai.CopilotLlmIds.Count == 0 && w.DatasourceId == null),
            Arg.Any<CancellationToken>());
    }

    public static TheoryData<string, ResolvedReferences> FirstFailureInContractOrder => new()
    {
        // Each row breaks one check and every check after it: only the first may answer.
        { Errors.WorkspaceNameAlreadyExistsCode, new ResolvedReferences(new StoredWorkspace(9, "0193a3f0-0000-7000-8000-000000000009", 1), null, null, new Dictionary<string, long>(), null) },
        { Errors.InvalidDatasourceNameCode, new ResolvedReferences(null, null, null, new Dictionary<string, long>(), null) },
        { Errors.InvalidLlmNameCode, AllFound with { LlmIds = new Dictionary<string, long> { ["claude"] = 11 }, ThemeId = null } },
        { Errors.InvalidAiCopilotLlmsCode, AllFound with { LlmIds = new Dictionary<string, long> { ["gpt"] = 10 }, ThemeId = null } },
        { Errors.InvalidThemeNameCode, AllFound with { ThemeId = null } },
    };

    [Theory]
    [MemberData(nameof(FirstFailureInContractOrder))]
    public async Task Handle_AnswersTheFirstFailingCheckInContractOrder(string expectedCode, ResolvedReferences found)
    {
        var result = await Handle(Everything, found);

        Assert.Equal(expectedCode, result.Error?.Code);
        await _workspaces.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
    }

    [Fact]
    public async Task Handle_DatamartIsCheckedBeforeLlms()
    {
        var command = Everything with { ConnectionType = "DATAMART", DatasourceName = null, DatamartName = "mart" };

        var result = await Handle(command, AllFound with { DatamartId = null, LlmIds = new Dictionary<string, long>() });

        Assert.Equal(Errors.InvalidDatamartNameCode, result.Error?.Code);
        Assert.Contains("'mart'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_UnknownCopilotLlms_AreAllNamed()
    {
        var result = await Handle(Everything, AllFound with { LlmIds = new Dictionary<string, long> { ["gpt"] = 10 } });

        Assert.Equal("aiCopilotLlms names LLMs this organization does not have: 'claude', 'llama'.", result.Error?.Message);
    }

    [Fact]
    public async Task Handle_WhenTheInsertLosesARace_AnswersNameAlreadyExists()
    {
        _workspaces.TryAddAsync(Arg.Any<Workspace>(), Arg.Any<CancellationToken>()).Returns(false);

        var result = await Handle(Everything, AllFound);

        Assert.Equal(Errors.WorkspaceNameAlreadyExistsCode, result.Error?.Code);
    }

    [Fact]
    public async Task Handle_WithoutAuthenticatedCaller_Throws()
    {
        var handler = new CreateWorkspaceHandler(new CallerContext(null, Substitute.For<IServiceTokenLookup>().FindAsync), _lookup, _workspaces, _changes);

        await Assert.ThrowsAsync<InvalidOperationException>(() => handler.Handle(Everything, CancellationToken.None));
    }
}
