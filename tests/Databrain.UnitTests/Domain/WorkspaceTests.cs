using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;

namespace Databrain.UnitTests.Domain;

public sealed class WorkspaceTests
{
    [Fact]
    public void Create_DatasourceWorkspace_KeepsItsDatasource()
    {
        var workspace = Workspace.Create(1, "Sales", ConnectionType.Datasource, 7, null, WorkspaceAiSettings.None, 3);

        Assert.Equal("Sales", workspace.Name);
        Assert.Equal(7, workspace.DatasourceId);
        Assert.Null(workspace.DatamartId);
        Assert.Equal(3, workspace.ThemeId);
    }

    [Theory]
    [InlineData(ConnectionType.Datasource, null, null)]
    [InlineData(ConnectionType.Datamart, null, null)]
    [InlineData(ConnectionType.MultiDatasource, 7L, null)]
    [InlineData(ConnectionType.MultiDatamart, null, 8L)]
    [InlineData(ConnectionType.Datasource, 7L, 8L)]
    public void Create_WhenSourceDoesNotMatchConnectionType_Throws(ConnectionType type, long? datasourceId, long? datamartId) =>
        Assert.Throws<DomainRuleException>(() => Workspace.Create(1, "Sales", type, datasourceId, datamartId, WorkspaceAiSettings.None, null));

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    public void Create_WhenNameBreaksTheNameRule_Throws(string name) =>
        Assert.Throws<DomainRuleException>(() => Workspace.Create(1, name, ConnectionType.MultiDatamart, null, null, WorkspaceAiSettings.None, null));

    [Fact]
    public void MetricSummary_Custom_NeedsAPrompt()
    {
        Assert.Throws<DomainRuleException>(() => MetricSummary.Create(SummaryType.Custom, null));
        Assert.Throws<DomainRuleException>(() => MetricSummary.Create(SummaryType.Custom, "   "));
        Assert.Throws<DomainRuleException>(() => MetricSummary.Create(SummaryType.Custom, new string('p', 2001)));
        Assert.Throws<DomainRuleException>(() => MetricSummary.Create(SummaryType.Custom, "Explain\0it"));
        Assert.Equal("Explain it", MetricSummary.Create(SummaryType.Custom, "Explain it").CustomPrompt);
    }

    [Fact]
    public void MetricSummary_OtherKinds_HaveNoPrompt()
    {
        Assert.Throws<DomainRuleException>(() => MetricSummary.Create(SummaryType.ForecastAndTrendAnalysis, "prompt"));
        Assert.Null(MetricSummary.Create(SummaryType.ForecastAndTrendAnalysis, null).CustomPrompt);
    }

    [Fact]
    public void AiSettings_RejectRepeatedOrTooManyCopilotLlms()
    {
        Assert.Throws<DomainRuleException>(() => WorkspaceAiSettings.Create(null, [1, 1], false, null));
        Assert.Throws<DomainRuleException>(() => WorkspaceAiSettings.Create(null, Enumerable.Range(1, 21).Select(i => (long)i).ToArray(), false, null));
        Assert.Equal(20, WorkspaceAiSettings.Create(null, Enumerable.Range(1, 20).Select(i => (long)i).ToArray(), false, null).CopilotLlmIds.Count);
    }
}
