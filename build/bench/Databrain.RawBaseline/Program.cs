using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Databrain.Api.Observability;
using Microsoft.Data.Sqlite;

// A hand-written endpoint doing what the service does for a create and a list, without its layers:
// strict body checks, token hash look-up (cached), field rules, one look-up query, one write command in a
// transaction behind an in-process write gate, and the same request log line. The limit the service is
// measured against (build/bench.sh).
var builder = WebApplication.CreateSlimBuilder(args);

// The service's request line, logger and log configuration (its appsettings.json), from the service's own files.
builder.Logging.AddDatabrainConsole(builder.Configuration, toStandardError: false);
var app = builder.Build();
app.UseMiddleware<RequestLogMiddleware>();
var connectionString = new SqliteConnectionStringBuilder(app.Configuration["ConnectionStrings:Databrain"]) { ForeignKeys = true, DefaultTimeout = 30 }.ToString();
var tokens = new ConcurrentDictionary<string, (Caller Caller, DateTime Until)>(StringComparer.Ordinal);
var writeGate = new SemaphoreSlim(1, 1);
string[] connectionTypes = ["DATASOURCE", "DATAMART", "MULTI_DATASOURCE", "MULTI_DATAMART"];
string[] summaryTypes = ["technicalAndInsightSummary", "forecastAndTrendAnalysis", "comparativeAndAnomalyDetection", "custom"];
HashSet<string> known = ["name", "connectionType", "datasourceName", "datamartName", "llmName", "aiCopilotLlms", "isEnableMetricSuggestions", "isEnableMetricSummary", "summaryType", "customSummaryPrompt", "themeName"];

const string Resolve = """
    SELECT 'W' AS Kind, Name, Id FROM Workspaces  WHERE OrganizationId = @o AND Name = @w
    UNION ALL SELECT 'D', Name, Id FROM Datasources WHERE OrganizationId = @o AND Name = @d
    UNION ALL SELECT 'M', Name, Id FROM Datamarts   WHERE OrganizationId = @o AND Name = @m
    UNION ALL SELECT 'L', Name, Id FROM Llms        WHERE OrganizationId = @o AND Name = @l
    UNION ALL SELECT 'T', Name, Id FROM Themes      WHERE OrganizationId = @o AND Name = @t
    """;
// The change record the service writes with every create: the organization's next sequence, taken under its row's
// write lock, and who and what.
const string RecordChange = """
    UPDATE Organizations SET ChangeSequence = ChangeSequence + 1 WHERE Id = @o;
    INSERT INTO WorkspaceChanges (OrganizationId, Sequence, WorkspaceId, Name, Operation, Version, AtUnixMs, TokenId, TokenLabel, Changed)
    SELECT Id, ChangeSequence, @p, @n, 'create', 1, @at, @tok, @label, @changed FROM Organizations WHERE Id = @o;
    """;
const string Insert = """
    INSERT INTO Workspaces (PublicId, OrganizationId, Name, ConnectionType, DatasourceId, DatamartId, LlmId,
        IsEnableMetricSuggestions, IsEnableMetricSummary, SummaryType, CustomSummaryPrompt, ThemeId)
    VALUES (@p, @o, @n, @c, @d, @m, @l, 0, 0, NULL, NULL, @t);
    INSERT INTO WorkspaceCopilotLlms (WorkspaceId, LlmId)
    SELECT w.Id, l.Id
    FROM Workspaces w
    JOIN Llms l ON l.OrganizationId = w.OrganizationId
    WHERE w.OrganizationId = @o AND w.Name = @n AND l.Id IN (SELECT NULL WHERE 1 = 0);
    """;

static IResult Error(int status, string code, string message) =>
    Results.Json(new { data = (object?)null, error = new { code, message } }, statusCode: status);

static bool IsName(string? value) =>
    value is { Length: > 0 and <= 100 } && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]) && !value.Any(char.IsControl);

async Task<Caller?> Authenticate(HttpContext context)
{
    var header = context.Request.Headers.Authorization.ToString();
    if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length == 7)
    {
        return null;
    }

    var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..])));
    if (tokens.TryGetValue(hash, out var cached) && cached.Until > DateTime.UtcNow)
    {
        return cached.Caller;
    }

    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT OrganizationId, PublicId, Label FROM ServiceTokens WHERE TokenHash = @h AND RevokedAt IS NULL";
    command.Parameters.AddWithValue("@h", hash);
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return null;
    }

    var caller = new Caller(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    tokens[hash] = (caller, DateTime.UtcNow.AddSeconds(30));
    return caller;
}

app.MapPost("/api/v2/workspace", async (HttpContext context) =>
{
    if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
    {
        return Error(400, "INVALID_REQUEST_BODY", "Content-Type must be application/json");
    }

    var body = new byte[64 * 1024 + 1];
    var length = 0;
    int read;
    while ((read = await context.Request.Body.ReadAsync(body.AsMemory(length))) > 0)
    {
        length += read;
        if (length > 64 * 1024)
        {
            return Error(400, "INVALID_REQUEST_BODY", "body must be at most 65536 bytes");
        }
    }

    JsonDocument document;
    try
    {
        document = JsonDocument.Parse(body.AsMemory(0, length));
    }
    catch (JsonException)
    {
        return Error(400, "INVALID_REQUEST_BODY", "body is not valid JSON");
    }

    using (document)
    {
        var root = document.RootElement;
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Error(400, "INVALID_REQUEST_BODY", "body must be a JSON object");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name) || !fields.TryAdd(property.Name, property.Value))
            {
                return Error(400, "INVALID_REQUEST_BODY", $"{property.Name} is not a known property or appears twice");
            }
        }

        string? Text(string field) => fields.TryGetValue(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (fields.Values.Any(v => v.ValueKind is JsonValueKind.Number or JsonValueKind.Object))
        {
            return Error(400, "INVALID_REQUEST_BODY", "a value has the wrong JSON type");
        }

        var organization = await Authenticate(context);
        if (organization is null)
        {
            return Error(401, "INVALID_DATA_APP_API_KEY", "The request needs a valid service token.");
        }

        var name = Text("name");
        var type = Text("connectionType");
        var datasource = Text("datasourceName");
        var datamart = Text("datamartName");
        var llm = Text("llmName");
        var theme = Text("themeName");
        var summary = fields.TryGetValue("isEnableMetricSummary", out var s) && s.ValueKind == JsonValueKind.True;
        if (!IsName(name) || type is null || !connectionTypes.Contains(type)
            || (type == "DATASOURCE") != (datasource is not null) || (type == "DATAMART") != (datamart is not null)
            || (datasource is not null && !IsName(datasource)) || (datamart is not null && !IsName(datamart))
            || (llm is not null && !IsName(llm)) || (theme is not null && !IsName(theme))
            || (summary && !summaryTypes.Contains(Text("summaryType") ?? string.Empty)))
        {
            return Error(400, "INVALID_REQUEST_BODY", "a field breaks a rule");
        }

        long? workspace = null, datasourceId = null, datamartId = null, llmId = null, themeId = null;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = Resolve;
            command.Parameters.AddWithValue("@o", organization.Organization);
            command.Parameters.AddWithValue("@w", name);
            command.Parameters.AddWithValue("@d", (object?)datasource ?? DBNull.Value);
            command.Parameters.AddWithValue("@m", (object?)datamart ?? DBNull.Value);
            command.Parameters.AddWithValue("@l", (object?)llm ?? DBNull.Value);
            command.Parameters.AddWithValue("@t", (object?)theme ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt64(2);
                switch (reader.GetString(0))
                {
                    case "W": workspace = id; break;
                    case "D": datasourceId = id; break;
                    case "M": datamartId = id; break;
                    case "L": llmId = id; break;
                    default: themeId = id; break;
                }
            }
        }

        if (workspace is not null)
        {
            return Error(400, "WORKSPACE_NAME_ALREADY_EXISTS", $"A workspace named '{name}' already exists in this organization.");
        }

        if (datasource is not null && datasourceId is null)
        {
            return Error(400, "INVALID_DATASOURCE_NAME", $"datasourceName '{datasource}' names no datasource of this organization.");
        }

        if (datamart is not null && datamartId is null)
        {
            return Error(400, "INVALID_DATAMART_NAME", $"datamartName '{datamart}' names no datamart of this organization.");
        }

        if (llm is not null && llmId is null)
        {
            return Error(400, "INVALID_LLM_NAME", $"llmName '{llm}' names no LLM of this organization.");
        }

        if (theme is not null && themeId is null)
        {
            return Error(400, "INVALID_THEME_NAME", $"themeName '{theme}' names no theme of this organization.");
        }

        await writeGate.WaitAsync();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Insert;
            command.Parameters.AddWithValue("@o", organization.Organization);
            command.Parameters.AddWithValue("@p", Guid.CreateVersion7().ToString());
            command.Parameters.AddWithValue("@n", name);
            command.Parameters.AddWithValue("@c", type);
            command.Parameters.AddWithValue("@d", (object?)datasourceId ?? DBNull.Value);
            command.Parameters.AddWithValue("@m", (object?)datamartId ?? DBNull.Value);
            command.Parameters.AddWithValue("@l", (object?)llmId ?? DBNull.Value);
            command.Parameters.AddWithValue("@t", (object?)themeId ?? DBNull.Value);
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 2067)
            {
                return Error(400, "WORKSPACE_NAME_ALREADY_EXISTS", $"A workspace named '{name}' already exists in this organization.");
            }

            command.CommandText = RecordChange;
            command.Parameters.AddWithValue("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@tok", organization.TokenId);
            command.Parameters.AddWithValue("@label", (object?)organization.Label ?? DBNull.Value);
            command.Parameters.AddWithValue("@changed", string.Join(',', fields.Where(f => f.Value.ValueKind != JsonValueKind.Null).Select(f => f.Key)));
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        finally
        {
            writeGate.Release();
        }

        return Results.Json(new { data = new { name }, error = (object?)null });
    }
});

app.MapGet("/api/v2/workspace", async (HttpContext context) =>
{
    var organization = await Authenticate(context);
    if (organization is null)
    {
        return Error(401, "INVALID_DATA_APP_API_KEY", "The request needs a valid service token.");
    }

    var paginate = context.Request.Query["isPagination"] == "true";
    var page = int.TryParse(context.Request.Query["pageNumber"], out var number) && number > 0 ? number : 1;
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    // A page carries the number of matches (X-Total-Count), counted in the same command, as the service does.
    command.CommandText = paginate
        ? "SELECT COUNT(*) FROM Workspaces WHERE OrganizationId = @o; SELECT Name, ConnectionType FROM Workspaces WHERE OrganizationId = @o ORDER BY Id LIMIT 10 OFFSET @s"
        : "SELECT Name, ConnectionType FROM Workspaces WHERE OrganizationId = @o ORDER BY Id";
    command.Parameters.AddWithValue("@o", organization.Organization);
    command.Parameters.AddWithValue("@s", (page - 1L) * 10);
    var items = new List<object>();
    await using var reader = await command.ExecuteReaderAsync();
    if (paginate)
    {
        await reader.ReadAsync();
        context.Response.Headers["X-Total-Count"] = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await reader.NextResultAsync();
    }

    while (await reader.ReadAsync())
    {
        items.Add(new { name = reader.GetString(0), connectionType = reader.GetString(1) });
    }

    return Results.Json(new { data = items, error = (object?)null });
});

await app.RunAsync();

/// <summary>The caller a token names: its organization, and the token's id and label (for the change record).</summary>
internal sealed record Caller(long Organization, string TokenId, string? Label);
