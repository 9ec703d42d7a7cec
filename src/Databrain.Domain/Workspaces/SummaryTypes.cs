namespace Databrain.Domain.Workspaces;

/// <summary>The one place that maps <see cref="SummaryType"/> to and from its wire spelling.</summary>
public static class SummaryTypes
{
    private static readonly WireSpelling<SummaryType> Spelling = new(
        (SummaryType.TechnicalAndInsightSummary, "technicalAndInsightSummary"),
        (SummaryType.ForecastAndTrendAnalysis, "forecastAndTrendAnalysis"),
        (SummaryType.ComparativeAndAnomalyDetection, "comparativeAndAnomalyDetection"),
        (SummaryType.Custom, "custom"));

    public static IReadOnlyList<string> WireNames => Spelling.WireNames;

    public static string ToWire(this SummaryType value) => Spelling.ToWire(value);

    public static bool TryParse(string? wire, out SummaryType value) => Spelling.TryParse(wire, out value);
}
