using Databrain.Domain.Workspaces;

namespace Databrain.UnitTests.Domain;

public sealed class WireSpellingTests
{
    [Theory]
    [InlineData("DATASOURCE", ConnectionType.Datasource)]
    [InlineData("DATAMART", ConnectionType.Datamart)]
    [InlineData("MULTI_DATASOURCE", ConnectionType.MultiDatasource)]
    [InlineData("MULTI_DATAMART", ConnectionType.MultiDatamart)]
    public void ConnectionTypes_RoundTripEveryWireName(string wire, ConnectionType value)
    {
        Assert.True(ConnectionTypes.TryParse(wire, out var parsed));
        Assert.Equal(value, parsed);
        Assert.Equal(wire, value.ToWire());
    }

    [Theory]
    [InlineData("datasource")]
    [InlineData("Datasource")]
    [InlineData("DATASOURCE ")]
    [InlineData("MultiDatasource")]
    [InlineData("")]
    [InlineData(null)]
    public void ConnectionTypes_TryParse_IsExactAndCaseSensitive(string? wire) =>
        Assert.False(ConnectionTypes.TryParse(wire, out _));

    [Theory]
    [InlineData("technicalAndInsightSummary", SummaryType.TechnicalAndInsightSummary)]
    [InlineData("forecastAndTrendAnalysis", SummaryType.ForecastAndTrendAnalysis)]
    [InlineData("comparativeAndAnomalyDetection", SummaryType.ComparativeAndAnomalyDetection)]
    [InlineData("custom", SummaryType.Custom)]
    public void SummaryTypes_RoundTripEveryWireName(string wire, SummaryType value)
    {
        Assert.True(SummaryTypes.TryParse(wire, out var parsed));
        Assert.Equal(value, parsed);
        Assert.Equal(wire, value.ToWire());
    }

    [Fact]
    public void SummaryTypes_TryParse_IsCaseSensitive() => Assert.False(SummaryTypes.TryParse("Custom", out _));

    [Fact]
    public void WireNames_ListEveryEnumValueOnce()
    {
        Assert.Equal(Enum.GetValues<ConnectionType>().Length, ConnectionTypes.WireNames.Distinct().Count());
        Assert.Equal(Enum.GetValues<SummaryType>().Length, SummaryTypes.WireNames.Distinct().Count());
    }
}
