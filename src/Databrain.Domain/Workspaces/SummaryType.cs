namespace Databrain.Domain.Workspaces;

public enum SummaryType
{
    TechnicalAndInsightSummary,
    ForecastAndTrendAnalysis,
    ComparativeAndAnomalyDetection,
    Custom,
}
