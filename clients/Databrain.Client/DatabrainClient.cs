using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Databrain.Client.Protocol;

namespace Databrain.Client;

/// <summary>
/// <see cref="IDatabrainClient"/> over the protocol layer generated from the API's OpenAPI document
/// (<c>Protocol/</c>): this class chooses what is sent (idempotency keys, only the fields an update gives) and turns
/// the answers into the public types.
/// </summary>
public sealed class DatabrainClient : IDatabrainClient
{
    private const int FeedPage = 1000;
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions EnvelopeOptions = new(JsonSerializerDefaults.Web);

    private readonly DatabrainProtocol _protocol;

    /// <param name="httpClient">An HttpClient whose base address is the service and which sends the organization's token (<c>AddDatabrainClient</c> sets both).</param>
    public DatabrainClient(HttpClient httpClient) => _protocol = new DatabrainProtocol(httpClient);

    public Task<CreatedWorkspace> CreateWorkspaceAsync(NewWorkspace workspace, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var body = new CreateWorkspaceRequest
        {
            Name = workspace.Name,
            ConnectionType = WireNames<CreateWorkspaceRequestConnectionType>.From(workspace.ConnectionType),
            DatasourceName = workspace.DatasourceName,
            DatamartName = workspace.DatamartName,
            LlmName = workspace.LlmName,
            AiCopilotLlms = workspace.AiCopilotLlms?.ToList(),
            IsEnableMetricSuggestions = workspace.IsEnableMetricSuggestions,
            IsEnableMetricSummary = workspace.MetricSummary is null ? null : true,
            SummaryType = workspace.MetricSummary is { } summary ? WireNames<CreateWorkspaceRequestSummaryType>.From(summary.Type) : null,
            CustomSummaryPrompt = workspace.MetricSummary?.CustomPrompt,
            ThemeName = workspace.ThemeName,
        };
        return CallAsync(async () =>
        {
            var answer = await _protocol.CreateWorkspaceAsync(body, idempotencyKey ?? NewKey(), cancellationToken).ConfigureAwait(false);
            return new CreatedWorkspace(answer.Result.Data!.Name, ETagOf(answer), IsReplayed(answer));
        });
    }

    public Task<Workspace> GetWorkspaceAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CallAsync(async () =>
        {
            var answer = await _protocol.GetWorkspaceAsync(name, cancellationToken).ConfigureAwait(false);
            return WorkspaceOf(answer.Result.Data!, ETagOf(answer));
        });
    }

    public Task<WorkspaceList> ListWorkspacesAsync(WorkspaceListOptions? options = null, CancellationToken cancellationToken = default) =>
        CallAsync(async () =>
        {
            var page = options?.PageNumber is not null;
            var answer = await _protocol.ListWorkspacesAsync(
                name: null,
                isPagination: page ? true : null,
                pageNumber: options?.PageNumber,
                pageSize: options?.PageSize,
                nameStartsWith: options?.NameStartsWith,
                connectionType: options?.ConnectionType is { } type ? WireNames<Protocol.ConnectionType>.From(type) : null,
                cancellationToken).ConfigureAwait(false);
            var items = answer.Result.Data!.Select(w => new WorkspaceListItem(w.Name, WireNames<ConnectionType>.Parse(w.ConnectionType))).ToList();
            var total = answer.Headers.TryGetValue("X-Total-Count", out var values) ? long.Parse(values.First(), CultureInfo.InvariantCulture) : (long?)null;
            return new WorkspaceList(items, total);
        });

    public Task<UpdatedWorkspace> UpdateWorkspaceAsync(WorkspaceUpdate update, string? ifMatch = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = UpdateBody(update);
        return CallAsync(async () =>
        {
            var answer = await _protocol.UpdateWorkspaceAsync(body, ifMatch, idempotencyKey ?? NewKey(), cancellationToken).ConfigureAwait(false);
            return new UpdatedWorkspace(WorkspaceOf(answer.Result.Data!, ETagOf(answer)), IsReplayed(answer));
        });
    }

    public Task<DeletedWorkspace> DeleteWorkspaceAsync(string name, string? ifMatch = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CallAsync(async () =>
        {
            var answer = await _protocol.DeleteWorkspaceAsync(name, ifMatch, idempotencyKey ?? NewKey(), cancellationToken).ConfigureAwait(false);
            return new DeletedWorkspace(answer.Result.Data!.Id, answer.Result.Data.Name, IsReplayed(answer));
        });
    }

    public Task<ChangePage> GetChangesAsync(long after = 0, int? limit = null, CancellationToken cancellationToken = default) =>
        CallAsync(async () => PageOf((await _protocol.ListChangesAsync(after, limit, cancellationToken).ConfigureAwait(false)).Result.Data!));

    public Task<ChangePage> GetHistoryAsync(string name, long after = 0, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CallAsync(async () => PageOf((await _protocol.GetWorkspaceHistoryAsync(name, after, limit, cancellationToken).ConfigureAwait(false)).Result.Data!));
    }

    public async IAsyncEnumerable<ChangeRecord> FollowChangesAsync(long after = 0, TimeSpan? pollInterval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var page = await GetChangesAsync(after, FeedPage, cancellationToken).ConfigureAwait(false);
            foreach (var change in page.Changes)
            {
                yield return change;
            }

            after = page.Next;
            if (page.Changes.Count < FeedPage)
            {
                // Caught up: wait before asking for what came since.
                await Task.Delay(pollInterval ?? DefaultPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The update's body: its name and connection, and of the rest only what it gives (UpdateWorkspaceRequest.Given).</summary>
    private static UpdateWorkspaceRequest UpdateBody(WorkspaceUpdate update)
    {
        var body = new UpdateWorkspaceRequest
        {
            Name = update.Name,
            ConnectionType = WireNames<UpdateWorkspaceRequestConnectionType>.From(update.ConnectionType),
            DatasourceName = update.DatasourceName,
            DatamartName = update.DatamartName,
        };
        body.Given.UnionWith(["name", "connectionType", "datasourceName", "datamartName"]);
        if (update.LlmName.IsGiven)
        {
            body.LlmName = update.LlmName.Value;
            body.Given.Add("llmName");
        }

        if (update.AiCopilotLlms.IsGiven)
        {
            body.AiCopilotLlms = update.AiCopilotLlms.Value?.ToList();
            body.Given.Add("aiCopilotLlms");
        }

        if (update.IsEnableMetricSuggestions.IsGiven)
        {
            body.IsEnableMetricSuggestions = update.IsEnableMetricSuggestions.Value;
            body.Given.Add("isEnableMetricSuggestions");
        }

        if (update.MetricSummary.IsGiven)
        {
            // The summary settings change together: the switch, and with it on, the type and the prompt.
            var summary = update.MetricSummary.Value;
            body.IsEnableMetricSummary = summary is not null;
            body.SummaryType = summary is null ? null : WireNames<UpdateWorkspaceRequestSummaryType>.From(summary.Type);
            body.CustomSummaryPrompt = summary?.CustomPrompt;
            body.Given.UnionWith(["isEnableMetricSummary", "summaryType", "customSummaryPrompt"]);
        }

        if (update.ThemeName.IsGiven)
        {
            body.ThemeName = update.ThemeName.Value;
            body.Given.Add("themeName");
        }

        return body;
    }

    private static Workspace WorkspaceOf(WorkspaceDetails details, string eTag) => new()
    {
        Id = details.Id,
        Name = details.Name,
        ConnectionType = WireNames<ConnectionType>.Parse(details.ConnectionType),
        DatasourceName = details.DatasourceName,
        DatamartName = details.DatamartName,
        LlmName = details.LlmName,
        AiCopilotLlms = [.. details.AiCopilotLlms],
        IsEnableMetricSuggestions = details.IsEnableMetricSuggestions,
        MetricSummary = details.IsEnableMetricSummary && details.SummaryType is { } type
            ? new MetricSummary(WireNames<SummaryType>.Parse(type), details.CustomSummaryPrompt)
            : null,
        ThemeName = details.ThemeName,
        Version = details.Version,
        CreatedAt = details.CreatedAt,
        UpdatedAt = details.UpdatedAt,
        ETag = eTag,
    };

    private static ChangePage PageOf(ChangesPage page) => new(
        [.. page.Changes.Select(c => new ChangeRecord(
            long.Parse(c.Sequence, CultureInfo.InvariantCulture), c.WorkspaceId, c.Name, WireNames<ChangeOperation>.Parse(c.Operation), c.Version, c.At,
            new ChangeActor(c.Actor.TokenId, c.Actor.Label), [.. c.Changed]))],
        long.Parse(page.Next, CultureInfo.InvariantCulture));

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static string ETagOf(ProtocolResponse answer) =>
        answer.Headers.TryGetValue("ETag", out var values) ? values.First() : throw new DatabrainApiException("The answer carries no ETag.");

    private static bool IsReplayed(ProtocolResponse answer) =>
        answer.Headers.TryGetValue("Idempotent-Replayed", out var values) && values.Contains("true", StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a protocol call; an error answer becomes the public <see cref="DatabrainApiException"/>.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ProtocolException e)
        {
            // An error the document declares comes read; another (the host's 404 and 405) is read here, if it is the envelope.
            var error = (e as ProtocolException<ErrorEnvelope>)?.Result?.Error ?? EnvelopeIn(e.Response)?.Error;
            throw error is null
                ? new DatabrainApiException(e.StatusCode, code: null, errorMessage: null, [], e.Headers, e.Response, e)
                : new DatabrainApiException(
                    e.StatusCode, error.Code, error.Message, [.. (error.Details ?? []).Select(d => new ErrorDetail(d.Field, d.Message))], e.Headers, e.Response, e);
        }
    }

    private static ErrorEnvelope? EnvelopeIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ErrorEnvelope>(text, EnvelopeOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
