namespace Databrain.Domain.Workspaces;

public enum ConnectionType
{
    Datasource,
    Datamart,
    MultiDatasource,
    MultiDatamart,
}

/// <summary>The one place that maps <see cref="ConnectionType"/> to and from its wire spelling.</summary>
public static class ConnectionTypes
{
    private static readonly WireSpelling<ConnectionType> Spelling = new(
        (ConnectionType.Datasource, "DATASOURCE"),
        (ConnectionType.Datamart, "DATAMART"),
        (ConnectionType.MultiDatasource, "MULTI_DATASOURCE"),
        (ConnectionType.MultiDatamart, "MULTI_DATAMART"));

    public static IReadOnlyList<string> WireNames => Spelling.WireNames;

    public static string ToWire(this ConnectionType value) => Spelling.ToWire(value);

    public static bool TryParse(string? wire, out ConnectionType value) => Spelling.TryParse(wire, out value);
}

public enum SummaryType
{
    TechnicalAndInsightSummary,
    ForecastAndTrendAnalysis,
    ComparativeAndAnomalyDetection,
    Custom,
}

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

/// <summary>A two-way, exact (ordinal, case-sensitive) table between enum values and their wire names.</summary>
internal sealed class WireSpelling<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _toWire;
    private readonly Dictionary<string, TEnum> _fromWire;

    public WireSpelling(params (TEnum Value, string Wire)[] pairs)
    {
        _toWire = pairs.ToDictionary(p => p.Value, p => p.Wire);
        _fromWire = pairs.ToDictionary(p => p.Wire, p => p.Value, StringComparer.Ordinal);
        if (_toWire.Count != Enum.GetValues<TEnum>().Length)
        {
            throw new InvalidOperationException($"Every {typeof(TEnum).Name} value needs exactly one wire name.");
        }

        WireNames = pairs.Select(p => p.Wire).ToArray();
    }

    public IReadOnlyList<string> WireNames { get; }

    public string ToWire(TEnum value) =>
        _toWire.TryGetValue(value, out var wire) ? wire : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public bool TryParse(string? wire, out TEnum value)
    {
        value = default;
        return wire is not null && _fromWire.TryGetValue(wire, out value);
    }
}
