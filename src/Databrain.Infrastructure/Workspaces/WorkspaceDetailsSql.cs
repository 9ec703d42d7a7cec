using System.Data.Common;
using Dapper;
using Databrain.Application.Workspaces;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Workspaces;

/// <summary>
/// The one statement that reads a workspace as its read model (docs/api.md, "GET /api/v2/workspace?name=…"): the
/// row with every reference by name, once per Copilot LLM in their given order (once with none). One statement
/// is one consistent read on every provider, so the version and the links always belong together. Read one runs
/// it by name; an update runs it by id at the end of its write, so that it answers the workspace as stored.
/// </summary>
internal static class WorkspaceDetailsSql
{
    public const string ByName = "w.OrganizationId = @OrganizationId AND w.Name = @Name";

    public const string ById = "w.Id = @Id";

    /// <summary>The statement, for a WHERE clause on <c>Workspaces w</c> (<see cref="ByName"/> or <see cref="ById"/>).</summary>
    public static string Select(string where) => $"""
        SELECT w.PublicId, w.Name, w.ConnectionType, d.Name AS DatasourceName, m.Name AS DatamartName, l.Name AS LlmName,
               w.IsEnableMetricSuggestions, w.IsEnableMetricSummary, w.SummaryType, w.CustomSummaryPrompt,
               t.Name AS ThemeName, w.Version, w.CreatedAt, COALESCE(w.UpdatedAt, w.CreatedAt) AS UpdatedAt,
               cl.Name AS CopilotLlm
        FROM Workspaces w
        LEFT JOIN Datasources d ON d.Id = w.DatasourceId
        LEFT JOIN Datamarts m ON m.Id = w.DatamartId
        LEFT JOIN Llms l ON l.Id = w.LlmId
        LEFT JOIN Themes t ON t.Id = w.ThemeId
        LEFT JOIN WorkspaceCopilotLlms c ON c.WorkspaceId = w.Id
        LEFT JOIN Llms cl ON cl.Id = c.LlmId
        WHERE {where}
        ORDER BY c.Position, c.LlmId;
        """;

    /// <summary>Runs a command whose rows are those of <see cref="Select"/>; null when no workspace matched.</summary>
    public static async Task<WorkspaceDetails?> QueryAsync(DbConnection connection, CommandDefinition command)
    {
        var rows = (await connection.QueryAsync<Row>(command)).AsList();
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        return new WorkspaceDetails(
            row.PublicId,
            row.Name,
            row.ConnectionType,
            row.DatasourceName,
            row.DatamartName,
            row.LlmName,
            rows.Where(r => r.CopilotLlm is not null).Select(r => r.CopilotLlm!).ToArray(),
            row.IsEnableMetricSuggestions,
            row.IsEnableMetricSummary,
            row.SummaryType,
            row.CustomSummaryPrompt,
            row.ThemeName,
            row.Version,
            StoredTime.Utc(row.CreatedAt),
            StoredTime.Utc(row.UpdatedAt));
    }

    // A class with setters: SQLite reports no declared type for computed columns, so Dapper cannot match a
    // constructor signature; property mapping converts per value instead.
    private sealed class Row
    {
        public string PublicId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string ConnectionType { get; init; } = string.Empty;

        public string? DatasourceName { get; init; }

        public string? DatamartName { get; init; }

        public string? LlmName { get; init; }

        public bool IsEnableMetricSuggestions { get; init; }

        public bool IsEnableMetricSummary { get; init; }

        public string? SummaryType { get; init; }

        public string? CustomSummaryPrompt { get; init; }

        public string? ThemeName { get; init; }

        public long Version { get; init; }

        public object CreatedAt { get; init; } = string.Empty;

        public object UpdatedAt { get; init; } = string.Empty;

        public string? CopilotLlm { get; init; }
    }
}
