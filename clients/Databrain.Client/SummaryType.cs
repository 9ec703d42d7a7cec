using System.Runtime.Serialization;

namespace Databrain.Client;

/// <summary>The kind of metric summary a workspace writes. The same values serve create, update and read.</summary>
public enum SummaryType
{
    /// <summary><c>technicalAndInsightSummary</c>.</summary>
    [EnumMember(Value = "technicalAndInsightSummary")]
    TechnicalAndInsightSummary,

    /// <summary><c>forecastAndTrendAnalysis</c>.</summary>
    [EnumMember(Value = "forecastAndTrendAnalysis")]
    ForecastAndTrendAnalysis,

    /// <summary><c>comparativeAndAnomalyDetection</c>.</summary>
    [EnumMember(Value = "comparativeAndAnomalyDetection")]
    ComparativeAndAnomalyDetection,

    /// <summary><c>custom</c>: the summary follows <see cref="MetricSummary.CustomPrompt"/>.</summary>
    [EnumMember(Value = "custom")]
    Custom,
}
