using Databrain.Application.Workspaces.CreateWorkspace;

namespace Databrain.UnitTests.Workspaces;

public sealed class CreateWorkspaceValidatorTests
{
    private static readonly CreateWorkspaceValidator Validator = new();

    private static readonly CreateWorkspaceRequest Valid = new()
    {
        Name = "Sales Analytics",
        ConnectionType = "DATASOURCE",
        DatasourceName = "postgres-main",
    };

    private static List<(string Field, string Message)> Problems(CreateWorkspaceRequest body) =>
        Validator.Validate(new CreateWorkspaceCommand(body, idempotencyKey: null)).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

    [Theory]
    [InlineData("DATASOURCE", "ds", null)]
    [InlineData("DATAMART", null, "dm")]
    [InlineData("MULTI_DATASOURCE", null, null)]
    [InlineData("MULTI_DATAMART", null, null)]
    public void Validate_EachConnectionTypeWithItsSource_HasNoProblem(string type, string? datasource, string? datamart) =>
        Assert.Empty(Problems(new CreateWorkspaceRequest { Name = "w", ConnectionType = type, DatasourceName = datasource, DatamartName = datamart }));

    [Fact]
    public void Validate_EveryOptionalFieldSet_HasNoProblem() =>
        Assert.Empty(Problems(Valid with
        {
            LlmName = "gpt-4o",
            AiCopilotLlms = ["gpt-4o", "claude-sonnet"],
            IsEnableMetricSuggestions = true,
            IsEnableMetricSummary = true,
            SummaryType = "custom",
            CustomSummaryPrompt = "Summarise for executives",
            ThemeName = "dark",
        }));

    [Fact]
    public void Validate_EmptyCommand_ReportsNameAndConnectionType() =>
        Assert.Equal([("name", "is required"), ("connectionType", "is required")], Problems(new CreateWorkspaceRequest()));

    [Theory]
    [InlineData("", "must be 1 to 100 characters long")]
    [InlineData(" Sales", "must not start or end with white space")]
    [InlineData("Sa\u0001les", "must not contain control characters")]
    public void Validate_NameBreakingTheTextRule_IsReported(string name, string message) =>
        Assert.Equal([("name", message)], Problems(Valid with { Name = name }));

    [Theory]
    [InlineData("datasource")]
    [InlineData("SQL")]
    [InlineData("")]
    public void Validate_UnknownConnectionType_ListsTheAllowedValues(string type) =>
        Assert.Equal([("connectionType", "must be one of DATASOURCE, DATAMART, MULTI_DATASOURCE, MULTI_DATAMART")], Problems(Valid with { ConnectionType = type, DatasourceName = null }));

    [Fact]
    public void Validate_DatasourceTypeWithoutDatasource_IsReported() =>
        Assert.Equal([("datasourceName", "is required when connectionType is DATASOURCE")], Problems(Valid with { DatasourceName = null }));

    [Fact]
    public void Validate_DatamartTypeWithoutDatamart_IsReported() =>
        Assert.Equal([("datamartName", "is required when connectionType is DATAMART")], Problems(Valid with { ConnectionType = "DATAMART", DatasourceName = null }));

    [Theory]
    [InlineData("DATAMART")]
    [InlineData("MULTI_DATASOURCE")]
    [InlineData("MULTI_DATAMART")]
    public void Validate_DatasourceWithAnotherConnectionType_IsNotAllowed(string type)
    {
        var problems = Problems(new CreateWorkspaceRequest { Name = "w", ConnectionType = type, DatasourceName = "ds", DatamartName = type == "DATAMART" ? "dm" : null });
        Assert.Equal([("datasourceName", $"is not allowed when connectionType is {type}")], problems);
    }

    [Fact]
    public void Validate_DatamartWithDatasourceType_IsNotAllowed() =>
        Assert.Equal([("datamartName", "is not allowed when connectionType is DATASOURCE")], Problems(Valid with { DatamartName = "dm" }));

    [Fact]
    public void Validate_SourceNamesFollowTheTextRule() =>
        Assert.Equal([("datasourceName", "must not start or end with white space")], Problems(Valid with { DatasourceName = "ds " }));

    [Theory]
    [InlineData("llmName")]
    [InlineData("themeName")]
    public void Validate_OptionalNamesFollowTheTextRule(string field)
    {
        var tooLong = new string('x', 101);
        var command = field == "llmName" ? Valid with { LlmName = tooLong } : Valid with { ThemeName = tooLong };
        Assert.Equal([(field, "must be 1 to 100 characters long")], Problems(command));
    }

    [Fact]
    public void Validate_CopilotLlms_EmptyListMeansNone() => Assert.Empty(Problems(Valid with { AiCopilotLlms = [] }));

    [Fact]
    public void Validate_CopilotLlms_AtMostTwenty()
    {
        Assert.Empty(Problems(Valid with { AiCopilotLlms = Enumerable.Range(1, 20).Select(i => $"llm-{i}").ToArray() }));
        Assert.Equal(
            [("aiCopilotLlms", "must hold at most 20 values")],
            Problems(Valid with { AiCopilotLlms = Enumerable.Range(1, 21).Select(i => $"llm-{i}").ToArray() }));
    }

    [Fact]
    public void Validate_CopilotLlms_RepeatedValuesAreNamed() =>
        Assert.Equal([("aiCopilotLlms", "must not repeat a value ('a')")], Problems(Valid with { AiCopilotLlms = ["a", "b", "a"] }));

    [Fact]
    public void Validate_CopilotLlms_ValuesDifferingOnlyInCaseAreDistinct() =>
        Assert.Empty(Problems(Valid with { AiCopilotLlms = ["GPT", "gpt"] }));

    [Fact]
    public void Validate_CopilotLlms_EachValueIsCheckedWithItsIndex() =>
        Assert.Equal(
            [("aiCopilotLlms[1]", "must be 1 to 100 characters long"), ("aiCopilotLlms[2]", "must be a string, not null")],
            Problems(Valid with { AiCopilotLlms = ["ok", "", null] }));

    [Fact]
    public void Validate_SummaryOnWithoutType_IsReported() =>
        Assert.Equal([("summaryType", "is required when isEnableMetricSummary is true")], Problems(Valid with { IsEnableMetricSummary = true }));

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Validate_SummaryTypeWhileSummariesOff_IsNotAllowed(bool? enabled) =>
        Assert.Equal(
            [("summaryType", "is not allowed when isEnableMetricSummary is false")],
            Problems(Valid with { IsEnableMetricSummary = enabled, SummaryType = "forecastAndTrendAnalysis" }));

    [Fact]
    public void Validate_UnknownSummaryType_ListsTheAllowedValues() =>
        Assert.Equal(
            [("summaryType", "must be one of technicalAndInsightSummary, forecastAndTrendAnalysis, comparativeAndAnomalyDetection, custom")],
            Problems(Valid with { IsEnableMetricSummary = true, SummaryType = "Custom" }));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_CustomSummaryWithoutPrompt_IsReported(string? prompt) =>
        Assert.Equal(
            [("customSummaryPrompt", "is required (not blank) when summaryType is custom")],
            Problems(Valid with { IsEnableMetricSummary = true, SummaryType = "custom", CustomSummaryPrompt = prompt }));

    [Fact]
    public void Validate_CustomPromptOver2000Characters_IsReported()
    {
        var command = Valid with { IsEnableMetricSummary = true, SummaryType = "custom" };
        Assert.Empty(Problems(command with { CustomSummaryPrompt = new string('p', 2000) }));
        Assert.Equal([("customSummaryPrompt", "must be at most 2000 characters long")], Problems(command with { CustomSummaryPrompt = new string('p', 2001) }));
        Assert.Equal([("customSummaryPrompt", "must not contain the NUL character (U+0000)")], Problems(command with { CustomSummaryPrompt = "Explain\0it" }));
    }

    [Theory]
    [InlineData(true, "technicalAndInsightSummary")]
    [InlineData(null, null)]
    public void Validate_PromptWithoutCustomSummary_IsNotAllowed(bool? enabled, string? type) =>
        Assert.Equal(
            [("customSummaryPrompt", "is not allowed unless summaryType is custom")],
            Problems(Valid with { IsEnableMetricSummary = enabled, SummaryType = type, CustomSummaryPrompt = "p" }));

    [Fact]
    public void Validate_ManyMistakes_AreAllReportedInFieldOrder()
    {
        var problems = Problems(new CreateWorkspaceRequest
        {
            Name = " x",
            ConnectionType = "DATAMART",
            DatasourceName = "ds",
            AiCopilotLlms = [""],
            IsEnableMetricSummary = true,
            ThemeName = "",
        });

        Assert.Equal(["name", "datasourceName", "datamartName", "aiCopilotLlms[0]", "summaryType", "themeName"], problems.Select(p => p.Field));
    }
}
