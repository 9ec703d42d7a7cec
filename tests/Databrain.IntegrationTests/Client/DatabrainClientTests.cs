using Databrain.Api.Http;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Ports;
using Databrain.Client;
using Databrain.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WorkspaceUpdate = Databrain.Client.WorkspaceUpdate;

namespace Databrain.IntegrationTests.Client;

/// <summary>
/// The .NET client (clients/Databrain.Client), registered with <c>AddDatabrainClient</c> as its users do, against the
/// real service on a real Kestrel port: every operation, partial updates, retries that never repeat a write, and every
/// error code of the API as a <see cref="DatabrainApiException"/> with that code.
/// </summary>
public sealed class DatabrainClientTests(SqliteApi api) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    /// <summary>The client a user gets from their container, for the shared service or <paramref name="service"/>.</summary>
    private IDatabrainClient ClientFor(string token, WebApplicationFactory<Program>? service = null, string path = "", HttpMethod? sentAs = null, Action<IHttpClientBuilder>? configure = null)
    {
        using var http = (service ?? api.Factory).CreateClient();
        var services = new ServiceCollection();
        var client = services.AddDatabrainClient(new Uri(http.BaseAddress!, path), token).AddHttpMessageHandler(api.CreateTraceHandler);
        if (sentAs is not null)
        {
            client.AddHttpMessageHandler(() => new SendAs(sentAs));
        }

        configure?.Invoke(client);

        var provider = services.BuildServiceProvider();
        _owned.Add(provider);
        return provider.GetRequiredService<IDatabrainClient>();
    }

    /// <summary>A service of this test alone, on the shared database, with some settings or services changed.</summary>
    private ServiceFactory OwnService(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var service = new ServiceFactory(api.Database, api.Log, settings, services: services);
        _owned.Add(service);
        service.StartServer();
        return service;
    }

    private static Task<DatabrainApiException> Fails(Func<Task> call) => Assert.ThrowsAnyAsync<DatabrainApiException>(call);

    private static NewWorkspace Marts(string name) => new() { Name = name, ConnectionType = ConnectionType.MultiDatamart };

    [Fact]
    public async Task CreateListReadUpdateDelete_ThroughTheClient_CarryVersionsAsETags()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);

        var created = await client.CreateWorkspaceAsync(new NewWorkspace
        {
            Name = "Sales",
            ConnectionType = ConnectionType.Datasource,
            DatasourceName = "postgres-main",
            LlmName = "gpt-4o",
            AiCopilotLlms = ["claude-sonnet", "llama-3"],
            MetricSummary = new MetricSummary(SummaryType.Custom, "Short, please."),
            ThemeName = "dark",
        });
        var list = await client.ListWorkspacesAsync();
        var read = await client.GetWorkspaceAsync("Sales");
        var updated = await client.UpdateWorkspaceAsync(read.ToUpdate() with { ConnectionType = ConnectionType.MultiDatamart, DatasourceName = null }, ifMatch: read.ETag);
        var deleted = await client.DeleteWorkspaceAsync("Sales", ifMatch: updated.Workspace.ETag);

        Assert.Equal(("Sales", false), (created.Name, created.IsReplayed));
        Assert.Matches("^\"[!#-~]+\"$", created.ETag);
        Assert.Equal([new WorkspaceListItem("Sales", ConnectionType.Datasource)], list.Items);
        Assert.Null(list.TotalCount); // the whole list has no count
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(
            (ConnectionType.Datasource, "postgres-main", "gpt-4o", new MetricSummary(SummaryType.Custom, "Short, please."), "dark", 1L),
            (read.ConnectionType, read.DatasourceName, read.LlmName, read.MetricSummary, read.ThemeName, read.Version));
        Assert.Equal(["claude-sonnet", "llama-3"], read.AiCopilotLlms);
        Assert.Equal(2L, updated.Workspace.Version);
        Assert.NotEqual(read.ETag, updated.Workspace.ETag);
        Assert.Equal((read.Id, "Sales"), (deleted.Id, deleted.Name));
        Assert.Empty((await client.ListWorkspacesAsync()).Items);
    }

    [Fact]
    public async Task AnUpdate_KeepsWhatItDoesNotName_AndClearsWhatItSetsToNull()
    {
        // The trap of a generated request: an update that sets the name and a new connection sent every other field
        // as null, and cleared the LLM, the Copilot LLMs, the suggestions, the summaries and the theme.
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        await client.CreateWorkspaceAsync(new NewWorkspace
        {
            Name = "Kept",
            ConnectionType = ConnectionType.Datasource,
            DatasourceName = "postgres-main",
            LlmName = "gpt-4o",
            AiCopilotLlms = ["claude-sonnet"],
            IsEnableMetricSuggestions = true,
            MetricSummary = new MetricSummary(SummaryType.ForecastAndTrendAnalysis),
            ThemeName = "dark",
        });

        var moved = (await client.UpdateWorkspaceAsync(new WorkspaceUpdate { Name = "Kept", ConnectionType = ConnectionType.Datamart, DatamartName = "sales-mart" })).Workspace;
        var cleared = (await client.UpdateWorkspaceAsync(moved.ToUpdate() with { LlmName = null, AiCopilotLlms = new([]), MetricSummary = null, ThemeName = null })).Workspace;
        var changed = (await client.UpdateWorkspaceAsync(cleared.ToUpdate() with { LlmName = "llama-3", AiCopilotLlms = new(["gpt-4o", "llama-3"]), IsEnableMetricSuggestions = false, ThemeName = "light" })).Workspace;

        Assert.Equal(
            (ConnectionType.Datamart, (string?)null, "sales-mart", "gpt-4o", true, new MetricSummary(SummaryType.ForecastAndTrendAnalysis), "dark"),
            (moved.ConnectionType, moved.DatasourceName, moved.DatamartName, moved.LlmName, moved.IsEnableMetricSuggestions, moved.MetricSummary, moved.ThemeName));
        Assert.Equal(["claude-sonnet"], moved.AiCopilotLlms);
        Assert.Equal(((string?)null, true, (MetricSummary?)null, (string?)null), (cleared.LlmName, cleared.IsEnableMetricSuggestions, cleared.MetricSummary, cleared.ThemeName));
        Assert.Empty(cleared.AiCopilotLlms);
        Assert.Equal(("llama-3", false, "light", "sales-mart"), (changed.LlmName, changed.IsEnableMetricSuggestions, changed.ThemeName, changed.DatamartName));
        Assert.Equal(["gpt-4o", "llama-3"], changed.AiCopilotLlms);
    }

    [Fact]
    public async Task ACreateWhoseAnswerIsLost_IsRetriedByTheStandardResilienceHandler_AndWritesOnce()
    {
        // Every write carries an Idempotency-Key of the client's own, and a retry resends it: the service answers the
        // retry with the first answer instead of WORKSPACE_NAME_ALREADY_EXISTS for the caller's own workspace.
        var org = await api.CreateOrganizationAsync();
        var losesOnce = new LosesTheFirstAnswer();
        var client = ClientFor(org.Token, configure: builder =>
        {
            builder.AddStandardResilienceHandler(options => options.Retry.Delay = TimeSpan.Zero);
            builder.AddHttpMessageHandler(() => losesOnce); // inside the resilience handler: each attempt goes through it
        });

        var created = await client.CreateWorkspaceAsync(Marts("Once"));

        Assert.Equal(2, losesOnce.Attempts);
        Assert.True(created.IsReplayed);
        Assert.Equal("Once", Assert.Single((await client.ListWorkspacesAsync()).Items).Name);
        Assert.Single(losesOnce.Keys.Distinct());
    }

    [Fact]
    public async Task EveryWrite_CarriesAKeyOfItsOwn_UnlessTheCallerGivesOne()
    {
        var org = await api.CreateOrganizationAsync();
        var seen = new LosesTheFirstAnswer(lose: false);
        var client = ClientFor(org.Token, configure: builder => builder.AddHttpMessageHandler(() => seen));

        await client.CreateWorkspaceAsync(Marts("A"));
        await client.UpdateWorkspaceAsync(new WorkspaceUpdate { Name = "A", ConnectionType = ConnectionType.MultiDatasource });
        await client.DeleteWorkspaceAsync("A");
        var first = await client.CreateWorkspaceAsync(Marts("B"), idempotencyKey: "retry-1");
        var retried = await client.CreateWorkspaceAsync(Marts("B"), idempotencyKey: "retry-1");

        Assert.Equal(5, seen.Keys.Count);
        Assert.Equal(3, seen.Keys.Take(3).Distinct().Count());
        Assert.Equal(["retry-1", "retry-1"], seen.Keys.Skip(3));
        Assert.False(first.IsReplayed);
        Assert.True(retried.IsReplayed);
        Assert.Equal(first.ETag, retried.ETag);
    }

    [Fact]
    public async Task TheListOptions_AreTyped_AndAPageCarriesItsTotal()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        foreach (var name in new[] { "Finance A", "Finance B", "Finance C", "Sales" })
        {
            await client.CreateWorkspaceAsync(Marts(name));
        }

        await client.CreateWorkspaceAsync(new NewWorkspace { Name = "Finance D", ConnectionType = ConnectionType.MultiDatasource });

        var page = await client.ListWorkspacesAsync(new WorkspaceListOptions { PageNumber = 2, PageSize = 2, NameStartsWith = "Finance ", ConnectionType = ConnectionType.MultiDatamart });
        var all = await client.ListWorkspacesAsync(new WorkspaceListOptions { NameStartsWith = "Finance " });

        Assert.Equal([new WorkspaceListItem("Finance C", ConnectionType.MultiDatamart)], page.Items);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["Finance A", "Finance B", "Finance C", "Finance D"], all.Items.Select(w => w.Name));
    }

    [Fact]
    public async Task TheFeedAndAHistory_ThroughTheClient_AndACursorBelowThePurgeMark_ThrowsGone()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        await client.CreateWorkspaceAsync(Marts("Followed"));
        await client.CreateWorkspaceAsync(Marts("Second"));

        var feed = await client.GetChangesAsync(after: 0, limit: 1);
        var history = await client.GetHistoryAsync("Second");
        await api.ExecuteAsync("UPDATE Organizations SET ChangesPurgedThrough = 1 WHERE Name = @Name", new { org.Name });
        var error = await Fails(() => client.GetChangesAsync(after: 0));

        var record = Assert.Single(feed.Changes);
        Assert.Equal((1L, "Followed", ChangeOperation.Create, 1L), (record.Sequence, record.Name, record.Operation, record.Version));
        Assert.Equal(1L, feed.Next);
        Assert.Equal(2L, Assert.Single(history.Changes).Sequence);
        Assert.Equal((410, ErrorCodes.ChangeFeedCursorExpired), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task FollowingTheFeed_GivesEveryRecordOnceInOrder_ThoseWrittenWhileFollowingToo()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        await client.CreateWorkspaceAsync(Marts("Before"));
        using var stop = new CancellationTokenSource();
        var seen = new List<ChangeRecord>();

        var following = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in client.FollowChangesAsync(pollInterval: TimeSpan.FromMilliseconds(20), cancellationToken: stop.Token))
                {
                    seen.Add(change);
                    if (change.Operation == ChangeOperation.Delete)
                    {
                        await stop.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // how following ends
            }
        });
        await client.UpdateWorkspaceAsync(new WorkspaceUpdate { Name = "Before", ConnectionType = ConnectionType.MultiDatasource });
        await client.DeleteWorkspaceAsync("Before");
        await following;

        Assert.Equal([1L, 2L, 3L], seen.Select(c => c.Sequence));
        Assert.Equal([ChangeOperation.Create, ChangeOperation.Update, ChangeOperation.Delete], seen.Select(c => c.Operation));
        Assert.Equal(["connectionType"], seen[1].Changed);
    }

    private static readonly Dictionary<string, NewWorkspace> RejectedCreates = new()
    {
        [ErrorCodes.InvalidRequestBody] = new() { Name = " padded ", ConnectionType = ConnectionType.MultiDatamart },
        [ErrorCodes.InvalidDatasourceName] = new() { Name = "W", ConnectionType = ConnectionType.Datasource, DatasourceName = "nope" },
        [ErrorCodes.InvalidDatamartName] = new() { Name = "W", ConnectionType = ConnectionType.Datamart, DatamartName = "nope" },
        [ErrorCodes.InvalidLlmName] = new() { Name = "W", ConnectionType = ConnectionType.MultiDatamart, LlmName = "nope" },
        [ErrorCodes.InvalidAiCopilotLlms] = new() { Name = "W", ConnectionType = ConnectionType.MultiDatamart, AiCopilotLlms = ["gpt-4o", "nope"] },
        [ErrorCodes.InvalidThemeName] = new() { Name = "W", ConnectionType = ConnectionType.MultiDatamart, ThemeName = "nope" },
    };

    public static TheoryData<string> RejectedCreateCodes => new(RejectedCreates.Keys);

    [Theory]
    [MemberData(nameof(RejectedCreateCodes))]
    public async Task ARejectedCreate_ThrowsTheException_WithTheErrorCode(string code)
    {
        var org = await api.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token).CreateWorkspaceAsync(RejectedCreates[code]));

        Assert.Equal((400, code), (error.StatusCode, error.Code));
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
        Assert.StartsWith($"400 {code}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidRequestBody_CarriesEveryProblem_InDetails()
    {
        var org = await api.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token).CreateWorkspaceAsync(new NewWorkspace { Name = "", ConnectionType = ConnectionType.Datasource }));

        Assert.Equal(ErrorCodes.InvalidRequestBody, error.Code);
        Assert.Equal(["datasourceName", "name"], error.Details.Select(d => d.Field).Order());
    }

    [Fact]
    public async Task ASecondCreateOfOneName_ThrowsWorkspaceNameAlreadyExists()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        await client.CreateWorkspaceAsync(Marts("Twice"));

        var error = await Fails(() => client.CreateWorkspaceAsync(Marts("Twice")));

        Assert.Equal((400, ErrorCodes.WorkspaceNameAlreadyExists), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task ReadingUpdatingOrDeletingAnUnknownName_ThrowsWorkspaceDoesNotExist()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);

        var read = await Fails(() => client.GetWorkspaceAsync("Ghost"));
        var update = await Fails(() => client.UpdateWorkspaceAsync(new WorkspaceUpdate { Name = "Ghost", ConnectionType = ConnectionType.MultiDatamart }));
        var delete = await Fails(() => client.DeleteWorkspaceAsync("Ghost"));

        Assert.All([read, update, delete], e => Assert.Equal((400, ErrorCodes.WorkspaceDoesNotExist), (e.StatusCode, e.Code)));
    }

    [Fact]
    public async Task AStaleIfMatch_ThrowsWorkspaceVersionMismatch()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        var created = await client.CreateWorkspaceAsync(Marts("V"));
        await client.UpdateWorkspaceAsync(new WorkspaceUpdate { Name = "V", ConnectionType = ConnectionType.MultiDatasource });

        var update = await Fails(() => client.UpdateWorkspaceAsync(new WorkspaceUpdate { Name = "V", ConnectionType = ConnectionType.MultiDatamart }, ifMatch: created.ETag));
        var delete = await Fails(() => client.DeleteWorkspaceAsync("V", ifMatch: created.ETag));

        Assert.All([update, delete], e => Assert.Equal((412, ErrorCodes.WorkspaceVersionMismatch), (e.StatusCode, e.Code)));
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedForAnotherRequest_ThrowsIdempotencyKeyReused()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        await client.CreateWorkspaceAsync(Marts("A"), idempotencyKey: "k-1");

        var error = await Fails(() => client.CreateWorkspaceAsync(Marts("B"), idempotencyKey: "k-1"));

        Assert.Equal((422, ErrorCodes.IdempotencyKeyReused), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AKeyWhoseFirstRequestIsStillRunning_ThrowsIdempotencyKeyInUse()
    {
        // The state the code names, made certain: another request with the key is ahead (storing this one's answer
        // fails) and has not committed its own yet (there is none to find).
        var inFlight = new KeyStoredByAnotherRequestInFlight();
        var service = OwnService(services: s => s.AddScoped<IIdempotencyStore>(_ => inFlight));
        var org = await service.Services.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, service).DeleteWorkspaceAsync("Busy", idempotencyKey: "k-1"));

        Assert.Equal((409, ErrorCodes.IdempotencyKeyInUse), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AWrongToken_ThrowsInvalidDataAppApiKey()
    {
        var error = await Fails(() => ClientFor("dbn_not_a_token").ListWorkspacesAsync());

        Assert.Equal((401, ErrorCodes.InvalidDataAppApiKey), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AReadOnlyTokensWrite_ThrowsInsufficientTokenScope()
    {
        var (org, _) = await api.CreateOrganizationWithAReadTokenAsync();

        var error = await Fails(() => ClientFor(org.Token).CreateWorkspaceAsync(Marts("A")));

        Assert.Equal((403, ErrorCodes.InsufficientTokenScope), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task TooManyFailedAuthentications_ThrowTooManyRequests_WithRetryAfter()
    {
        var service = OwnService(new Dictionary<string, string>
        {
            ["RateLimits:FailedAuthentication:Enabled"] = "true",
            ["RateLimits:FailedAuthentication:PermitLimit"] = "2",
            ["RateLimits:FailedAuthentication:WindowSeconds"] = "3600",
        });
        var client = ClientFor("dbn_guess", service);
        await Fails(() => client.ListWorkspacesAsync());
        await Fails(() => client.ListWorkspacesAsync());

        var error = await Fails(() => client.ListWorkspacesAsync());

        Assert.Equal((429, ErrorCodes.TooManyRequests), (error.StatusCode, error.Code));
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task AnUnexpectedFault_ThrowsInternalServerError()
    {
        var service = OwnService(services: s => s.AddScoped(_ => Intercept.Failing<IWorkspaceQueries>(new InvalidOperationException("boom"))));
        var org = await service.Services.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, service).ListWorkspacesAsync());

        Assert.Equal((500, ErrorCodes.InternalServerError), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AWrongBaseAddress_ThrowsNotFound_ReadFromTheEnvelope()
    {
        var org = await api.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, path: "not-here/").ListWorkspacesAsync());

        Assert.Equal((404, ErrorCodes.NotFound), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotHave_ThrowsMethodNotAllowed_ReadFromTheEnvelope()
    {
        // The client only sends the API's methods; something between it and the service (here a handler) may not.
        var org = await api.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, sentAs: HttpMethod.Patch).ListWorkspacesAsync());

        Assert.Equal((405, ErrorCodes.MethodNotAllowed), (error.StatusCode, error.Code));
    }

    [Fact]
    public void TheErrorCodeConstants_AreEveryCodeOfTheApi()
    {
        // Generated from the OpenAPI document; UNKNOWN_ORGANIZATION, SERVICE_TOKEN_CONFLICT, UNKNOWN_SERVICE_TOKEN and
        // SERVICE_TOKEN_ENDED are the admin commands', not answers of the API.
        var catalogue = new[] { typeof(Errors), typeof(HostErrors) }
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral && f.Name.EndsWith("Code", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!)
            .Except([Errors.UnknownOrganizationCode, Errors.ServiceTokenConflictCode, Errors.UnknownServiceTokenCode, Errors.ServiceTokenEndedCode]);
        var constants = typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(catalogue.Order(), constants.Order());
    }

    [Fact]
    public void TheseTests_CoverEveryErrorCodeOfTheApi()
    {
        // Each code asserted above; a new code of the API gets its case here.
        string[] asserted =
        [
            .. RejectedCreates.Keys, ErrorCodes.WorkspaceNameAlreadyExists, ErrorCodes.WorkspaceDoesNotExist, ErrorCodes.WorkspaceVersionMismatch,
            ErrorCodes.ChangeFeedCursorExpired, ErrorCodes.IdempotencyKeyReused, ErrorCodes.IdempotencyKeyInUse, ErrorCodes.InvalidDataAppApiKey,
            ErrorCodes.InsufficientTokenScope, ErrorCodes.TooManyRequests, ErrorCodes.InternalServerError, ErrorCodes.NotFound, ErrorCodes.MethodNotAllowed,
        ];

        Assert.Equal(typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(), asserted.Distinct().Order());
    }

    [Fact]
    public async Task AnAnswerWithoutTheEnvelope_HasNoCode_AndKeepsTheBody()
    {
        var org = await api.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, configure: b => b.AddHttpMessageHandler(() => new AnswersBadGateway())).ListWorkspacesAsync());

        Assert.Equal((502, (string?)null), (error.StatusCode, error.Code));
        Assert.Empty(error.Details);
        Assert.Null(error.RetryAfter);
        Assert.Equal("<html>Bad Gateway</html>", error.Response);
    }

    /// <summary>Sends each request on, and the first time loses the answer (the write happened; the caller never hears of it).</summary>
    private sealed class LosesTheFirstAnswer(bool lose = true) : DelegatingHandler
    {
        public int Attempts { get; private set; }

        public List<string> Keys { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            if (request.Headers.TryGetValues("Idempotency-Key", out var keys))
            {
                Keys.Add(keys.Single());
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (lose && Attempts == 1)
            {
                response.Dispose();
                throw new HttpRequestException("The connection was reset before the answer arrived.");
            }

            return response;
        }
    }

    /// <summary>What a proxy in front of the service answers when the service is away.</summary>
    private sealed class AnswersBadGateway : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad Gateway</html>") });
    }

    private sealed class SendAs(HttpMethod method) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Method = method;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Another request with the key is ahead: storing this one's answer fails, and there is no stored answer to find yet.</summary>
    private sealed class KeyStoredByAnotherRequestInFlight : IIdempotencyStore, IIdempotentWrite
    {
        public Task<T> RunAsync<T>(Func<IIdempotentWrite, Task<T>> unitOfWork, CancellationToken cancellationToken) => unitOfWork(this);

        public Task<bool> TryCompleteAsync(long organizationId, StoredAnswer answer, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<StoredAnswer?> FindAsync(long organizationId, string key, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult<StoredAnswer?>(null);

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<long> ReclaimSpaceAsync(int pages, CancellationToken cancellationToken) => Task.FromResult(0L);
    }
}
