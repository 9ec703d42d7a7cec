using Databrain.Domain.Common;

namespace Databrain.Domain.Workspaces;

/// <summary>
/// A workspace of an organization, with references already resolved to the organization's catalog ids.
/// Built only through <see cref="Create"/>, which enforces the rules that hold whatever the storage is.
/// </summary>
public sealed class Workspace
{
    /// <summary>The version of a new workspace; each successful update adds one.</summary>
    public const long FirstVersion = 1;

    private Workspace(
        string publicId,
        long organizationId,
        string name,
        ConnectionType connectionType,
        long? datasourceId,
        long? datamartId,
        WorkspaceAiSettings ai,
        long? themeId)
    {
        PublicId = publicId;
        OrganizationId = organizationId;
        Name = name;
        ConnectionType = connectionType;
        DatasourceId = datasourceId;
        DatamartId = datamartId;
        Ai = ai;
        ThemeId = themeId;
    }

    /// <summary>
    /// The id clients see (a UUIDv7 string): never reused, and unlike the storage's integer key, it does not reveal
    /// how many workspaces other organizations create.
    /// </summary>
    public string PublicId { get; }

    public long OrganizationId { get; }

    public string Name { get; }

    public ConnectionType ConnectionType { get; }

    /// <summary>Set exactly when <see cref="ConnectionType"/> is <see cref="ConnectionType.Datasource"/>.</summary>
    public long? DatasourceId { get; }

    /// <summary>Set exactly when <see cref="ConnectionType"/> is <see cref="ConnectionType.Datamart"/>.</summary>
    public long? DatamartId { get; }

    public WorkspaceAiSettings Ai { get; }

    public long? ThemeId { get; }

    public static Workspace Create(
        long organizationId,
        string name,
        ConnectionType connectionType,
        long? datasourceId,
        long? datamartId,
        WorkspaceAiSettings ai,
        long? themeId)
    {
        if (NameRule.FindProblem(name) is { } problem)
        {
            throw new DomainRuleException($"A workspace name {problem}.");
        }

        CheckConnection(connectionType, datasourceId, datamartId);
        return new Workspace(Guid.CreateVersion7().ToString(), organizationId, name, connectionType, datasourceId, datamartId, ai, themeId);
    }

    /// <summary>The connection rule, for a new workspace and for an update (which replaces the connection whole).</summary>
    internal static void CheckConnection(ConnectionType connectionType, long? datasourceId, long? datamartId)
    {
        if ((connectionType == ConnectionType.Datasource) != datasourceId.HasValue)
        {
            throw new DomainRuleException("A workspace has a datasource exactly when its connection type is DATASOURCE.");
        }

        if ((connectionType == ConnectionType.Datamart) != datamartId.HasValue)
        {
            throw new DomainRuleException("A workspace has a datamart exactly when its connection type is DATAMART.");
        }
    }
}

/// <summary>The AI features of a workspace: primary LLM, Copilot LLMs, metric suggestions and summaries.</summary>
public sealed record WorkspaceAiSettings
{
    public const int MaxCopilotLlms = 20;

    private WorkspaceAiSettings(long? llmId, IReadOnlyList<long> copilotLlmIds, bool isEnableMetricSuggestions, MetricSummary? metricSummary)
    {
        LlmId = llmId;
        CopilotLlmIds = copilotLlmIds;
        IsEnableMetricSuggestions = isEnableMetricSuggestions;
        MetricSummary = metricSummary;
    }

    public static WorkspaceAiSettings None { get; } = new(null, [], false, null);

    public long? LlmId { get; }

    public IReadOnlyList<long> CopilotLlmIds { get; }

    public bool IsEnableMetricSuggestions { get; }

    /// <summary>Null when metric summaries are off.</summary>
    public MetricSummary? MetricSummary { get; }

    public static WorkspaceAiSettings Create(long? llmId, IReadOnlyList<long> copilotLlmIds, bool isEnableMetricSuggestions, MetricSummary? metricSummary)
    {
        CheckCopilotLlms(copilotLlmIds);
        return new WorkspaceAiSettings(llmId, copilotLlmIds.ToArray(), isEnableMetricSuggestions, metricSummary);
    }

    /// <summary>The Copilot list rule, for a new workspace and for an update that replaces the list.</summary>
    internal static void CheckCopilotLlms(IReadOnlyList<long> copilotLlmIds)
    {
        if (copilotLlmIds.Count > MaxCopilotLlms)
        {
            throw new DomainRuleException($"A workspace offers at most {MaxCopilotLlms} Copilot LLMs.");
        }

        if (copilotLlmIds.Distinct().Count() != copilotLlmIds.Count)
        {
            throw new DomainRuleException("A workspace offers each Copilot LLM once.");
        }
    }
}

/// <summary>AI metric summaries of a workspace: which kind, and the prompt when the kind is custom.</summary>
public sealed record MetricSummary
{
    public const int MaxCustomPromptLength = 2000;

    private MetricSummary(SummaryType type, string? customPrompt)
    {
        Type = type;
        CustomPrompt = customPrompt;
    }

    public SummaryType Type { get; }

    /// <summary>The prompt of a <see cref="SummaryType.Custom"/> summary; null for every other kind.</summary>
    public string? CustomPrompt { get; }

    public static MetricSummary Create(SummaryType type, string? customPrompt)
    {
        if (type == SummaryType.Custom)
        {
            if (string.IsNullOrWhiteSpace(customPrompt) || customPrompt.Length > MaxCustomPromptLength)
            {
                throw new DomainRuleException($"A custom summary needs a prompt of 1 to {MaxCustomPromptLength} characters.");
            }

            // No database stores it in text (PostgreSQL refuses it; others cut the text short for some readers).
            if (customPrompt.Contains('\0', StringComparison.Ordinal))
            {
                throw new DomainRuleException("A prompt cannot contain the NUL character (U+0000).");
            }
        }
        else if (customPrompt is not null)
        {
            throw new DomainRuleException("Only a custom summary has a prompt.");
        }

        return new MetricSummary(type, customPrompt);
    }
}

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
