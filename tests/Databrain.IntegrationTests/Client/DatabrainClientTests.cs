using Databrain.Api.Http;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Ports;
using Databrain.Client;
using Databrain.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Client;

/// <summary>
/// The generated .NET client (clients/Databrain.Client), registered with <c>AddDatabrainClient</c> as its users
/// do, against the real service on a real Kestrel port: every operation, and every error code of the API as a
/// <see cref="DatabrainApiException"/> with that code.
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
    private IDatabrainClient ClientFor(string token, WebApplicationFactory<Program>? service = null, string path = "", HttpMethod? sentAs = null)
    {
        using var http = (service ?? api.Factory).CreateClient();
        var services = new ServiceCollection();
        var client = services.AddDatabrainClient(new Uri(http.BaseAddress!, path), token).AddHttpMessageHandler(api.CreateTraceHandler);
        if (sentAs is not null)
        {
            client.AddHttpMessageHandler(() => new SendAs(sentAs));
        }

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

    [Fact]
    public async Task CreateListReadUpdateDelete_ThroughTheClient_CarryVersionsAsETags()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);

        var created = await client.CreateWorkspaceAsync(new CreateWorkspaceRequest
        {
            Name = "Sales",
            ConnectionType = CreateWorkspaceRequestConnectionType.DATASOURCE,
            DatasourceName = "postgres-main",
            LlmName = "gpt-4o",
            AiCopilotLlms = ["claude-sonnet", "llama-3"],
            IsEnableMetricSummary = true,
            SummaryType = CreateWorkspaceRequestSummaryType.Custom,
            CustomSummaryPrompt = "Short, please.",
            ThemeName = "dark",
        });
        var list = await client.ListWorkspacesAsync(isPagination: true, pageNumber: 1);
        var read = await client.GetWorkspaceAsync("Sales");
        var update = new UpdateWorkspaceRequest
        {
            Name = "Sales",
            ConnectionType = UpdateWorkspaceRequestConnectionType.MULTI_DATAMART,
            LlmName = read.Result.Data!.LlmName,
            AiCopilotLlms = read.Result.Data.AiCopilotLlms,
        };
        var updated = await client.UpdateWorkspaceAsync(update, if_Match: read.ETag);
        var deleted = await client.DeleteWorkspaceAsync("Sales", if_Match: updated.ETag);

        Assert.Equal("Sales", created.Result.Data!.Name);
        Assert.Matches("^\"[!#-~]+\"$", created.ETag);
        Assert.Equal(new[] { ("Sales", "DATASOURCE") }, list.Result.Data!.Select(w => (w.Name, w.ConnectionType)));
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(
            ("DATASOURCE", "postgres-main", "gpt-4o", "custom", "Short, please.", "dark", 1L),
            (read.Result.Data.ConnectionType, read.Result.Data.DatasourceName, read.Result.Data.LlmName, read.Result.Data.SummaryType, read.Result.Data.CustomSummaryPrompt, read.Result.Data.ThemeName, read.Result.Data.Version));
        Assert.Equal(["claude-sonnet", "llama-3"], read.Result.Data.AiCopilotLlms);
        Assert.Equal(2L, updated.Result.Data!.Version);
        Assert.NotEqual(read.ETag, updated.ETag);
        Assert.Equal(read.Result.Data.Id, deleted.Result.Data!.Id);
        Assert.Equal(("MULTI_DATAMART", null, "gpt-4o", null), (updated.Result.Data!.ConnectionType, updated.Result.Data.DatasourceName, updated.Result.Data.LlmName, updated.Result.Data.ThemeName));
        Assert.Equal("Sales", deleted.Result.Data!.Name);
        Assert.Empty((await client.ListWorkspacesAsync()).Result.Data!);
    }

    [Fact]
    public async Task ARetriedCreate_WithTheSameIdempotencyKey_GetsTheFirstAnswer_MarkedReplayed()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        var request = new CreateWorkspaceRequest { Name = "Once", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATASOURCE };

        var first = await client.CreateWorkspaceAsync(request, idempotency_Key: "retry-1");
        var retried = await client.CreateWorkspaceAsync(request, idempotency_Key: "retry-1");

        Assert.False(first.IsReplayed);
        Assert.True(retried.IsReplayed);
        Assert.Equal(first.ETag, retried.ETag);
        Assert.Single((await client.ListWorkspacesAsync()).Result.Data!);
    }

    private static readonly Dictionary<string, CreateWorkspaceRequest> RejectedCreates = new()
    {
        [Errors.InvalidRequestBodyCode] = new() { Name = " padded ", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART },
        [Errors.InvalidDatasourceNameCode] = new() { Name = "W", ConnectionType = CreateWorkspaceRequestConnectionType.DATASOURCE, DatasourceName = "nope" },
        [Errors.InvalidDatamartNameCode] = new() { Name = "W", ConnectionType = CreateWorkspaceRequestConnectionType.DATAMART, DatamartName = "nope" },
        [Errors.InvalidLlmNameCode] = new() { Name = "W", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART, LlmName = "nope" },
        [Errors.InvalidAiCopilotLlmsCode] = new() { Name = "W", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART, AiCopilotLlms = ["gpt-4o", "nope"] },
        [Errors.InvalidThemeNameCode] = new() { Name = "W", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART, ThemeName = "nope" },
    };

    public static TheoryData<string> RejectedCreateCodes => new(RejectedCreates.Keys);

    [Theory]
    [MemberData(nameof(RejectedCreateCodes))]
    public async Task ARejectedCreate_ThrowsTheTypedException_WithTheErrorCode(string code)
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

        var error = await Fails(() => ClientFor(org.Token).CreateWorkspaceAsync(new CreateWorkspaceRequest
        {
            Name = "",
            ConnectionType = CreateWorkspaceRequestConnectionType.DATASOURCE,
        }));

        Assert.Equal(Errors.InvalidRequestBodyCode, error.Code);
        Assert.Equal(["datasourceName", "name"], error.Details.Select(d => d.Field).Order());
    }

    [Fact]
    public async Task ASecondCreateOfOneName_ThrowsWorkspaceNameAlreadyExists()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        var request = new CreateWorkspaceRequest { Name = "Twice", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART };
        await client.CreateWorkspaceAsync(request);

        var error = await Fails(() => client.CreateWorkspaceAsync(request));

        Assert.Equal((400, Errors.WorkspaceNameAlreadyExistsCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task ReadingUpdatingOrDeletingAnUnknownName_ThrowsWorkspaceDoesNotExist()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);

        var read = await Fails(() => client.GetWorkspaceAsync("Ghost"));
        var update = await Fails(() => client.UpdateWorkspaceAsync(new UpdateWorkspaceRequest { Name = "Ghost", ConnectionType = UpdateWorkspaceRequestConnectionType.MULTI_DATAMART }));
        var delete = await Fails(() => client.DeleteWorkspaceAsync("Ghost"));

        Assert.All([read, update, delete], e => Assert.Equal((400, Errors.WorkspaceDoesNotExistCode), (e.StatusCode, e.Code)));
    }

    [Fact]
    public async Task AStaleIfMatch_ThrowsWorkspaceVersionMismatch()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        var created = await client.CreateWorkspaceAsync(new CreateWorkspaceRequest { Name = "V", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART });
        await client.UpdateWorkspaceAsync(new UpdateWorkspaceRequest { Name = "V", ConnectionType = UpdateWorkspaceRequestConnectionType.MULTI_DATASOURCE });

        var update = await Fails(() => client.UpdateWorkspaceAsync(
            new UpdateWorkspaceRequest { Name = "V", ConnectionType = UpdateWorkspaceRequestConnectionType.MULTI_DATAMART }, if_Match: created.ETag));
        var delete = await Fails(() => client.DeleteWorkspaceAsync("V", if_Match: created.ETag));

        Assert.All([update, delete], e => Assert.Equal((412, Errors.WorkspaceVersionMismatchCode), (e.StatusCode, e.Code)));
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedForAnotherRequest_ThrowsIdempotencyKeyReused()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        await client.CreateWorkspaceAsync(new CreateWorkspaceRequest { Name = "A", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART }, idempotency_Key: "k-1");

        var error = await Fails(() => client.CreateWorkspaceAsync(
            new CreateWorkspaceRequest { Name = "B", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART }, idempotency_Key: "k-1"));

        Assert.Equal((422, Errors.IdempotencyKeyReusedCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AKeyWhoseFirstRequestIsStillRunning_ThrowsIdempotencyKeyInUse()
    {
        // The state the code names, made certain: another request with the key is ahead (storing this one's answer
        // fails) and has not committed its own yet (there is none to find).
        var inFlight = new KeyStoredByAnotherRequestInFlight();
        var service = OwnService(services: s => s.AddScoped<IIdempotencyStore>(_ => inFlight));
        var org = await service.Services.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, service).DeleteWorkspaceAsync("Busy", idempotency_Key: "k-1"));

        Assert.Equal((409, Errors.IdempotencyKeyInUseCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AWrongToken_ThrowsInvalidDataAppApiKey()
    {
        var error = await Fails(() => ClientFor("dbn_not_a_token").ListWorkspacesAsync());

        Assert.Equal((401, Errors.InvalidDataAppApiKeyCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AReadOnlyTokensWrite_ThrowsInsufficientTokenScope()
    {
        var (org, _) = await api.CreateOrganizationWithAReadTokenAsync();

        var error = await Fails(() => ClientFor(org.Token).CreateWorkspaceAsync(new CreateWorkspaceRequest { Name = "A", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART }));

        Assert.Equal((403, Errors.InsufficientTokenScopeCode), (error.StatusCode, error.Code));
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

        Assert.Equal((429, Errors.TooManyRequestsCode), (error.StatusCode, error.Code));
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task AnUnexpectedFault_ThrowsInternalServerError()
    {
        var service = OwnService(services: s => s.AddScoped(_ => Intercept.Failing<IWorkspaceQueries>(new InvalidOperationException("boom"))));
        var org = await service.Services.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, service).ListWorkspacesAsync());

        Assert.Equal((500, Errors.InternalServerErrorCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AWrongBaseAddress_ThrowsNotFound_ReadFromTheEnvelope()
    {
        var org = await api.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, path: "not-here/").ListWorkspacesAsync());

        Assert.Equal((404, HostErrors.NotFoundCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotHave_ThrowsMethodNotAllowed_ReadFromTheEnvelope()
    {
        // The client only sends the API's methods; something between it and the service (here a handler) may not.
        var org = await api.CreateOrganizationAsync();

        var error = await Fails(() => ClientFor(org.Token, sentAs: HttpMethod.Patch).ListWorkspacesAsync());

        Assert.Equal((405, HostErrors.MethodNotAllowedCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task TheFeedAndAHistory_ThroughTheClient_AndACursorBelowThePurgeMark_ThrowsGone()
    {
        var org = await api.CreateOrganizationAsync();
        var client = ClientFor(org.Token);
        await client.CreateWorkspaceAsync(new CreateWorkspaceRequest { Name = "Followed", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART });
        await client.CreateWorkspaceAsync(new CreateWorkspaceRequest { Name = "Second", ConnectionType = CreateWorkspaceRequestConnectionType.MULTI_DATAMART });

        var feed = (await client.ListChangesAsync(after: 0, limit: 1)).Result.Data!;
        var history = (await client.GetWorkspaceHistoryAsync("Second")).Result.Data!;
        await api.ExecuteAsync("UPDATE Organizations SET ChangesPurgedThrough = 1 WHERE Name = @Name", new { org.Name });
        var error = await Fails(() => client.ListChangesAsync(after: 0));

        Assert.Equal(("1", "Followed", "1"), (feed.Changes.Single().Sequence, feed.Changes.Single().Name, feed.Next));
        Assert.Equal("2", history.Changes.Single().Sequence);
        Assert.Equal((410, Errors.ChangeFeedCursorExpiredCode), (error.StatusCode, error.Code));
    }

    [Fact]
    public void TheseTests_CoverEveryErrorCodeOfTheApi()
    {
        // UNKNOWN_ORGANIZATION, SERVICE_TOKEN_CONFLICT, UNKNOWN_SERVICE_TOKEN and SERVICE_TOKEN_ENDED are the admin commands', not answers of the API. Every other
        // code of the catalogue, and of the host's own errors, is asserted above.
        string[] asserted =
        [
            .. RejectedCreates.Keys, Errors.WorkspaceNameAlreadyExistsCode, Errors.WorkspaceDoesNotExistCode,
            Errors.WorkspaceVersionMismatchCode, Errors.ChangeFeedCursorExpiredCode, Errors.IdempotencyKeyReusedCode, Errors.IdempotencyKeyInUseCode, Errors.InvalidDataAppApiKeyCode, Errors.InsufficientTokenScopeCode,
            Errors.TooManyRequestsCode, Errors.InternalServerErrorCode, HostErrors.NotFoundCode, HostErrors.MethodNotAllowedCode,
        ];
        var catalogue = new[] { typeof(Errors), typeof(HostErrors) }
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral && f.Name.EndsWith("Code", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(catalogue.Except([Errors.UnknownOrganizationCode, Errors.ServiceTokenConflictCode, Errors.UnknownServiceTokenCode, Errors.ServiceTokenEndedCode]).Order(), asserted.Distinct().Order());
    }

    [Fact]
    public void AnErrorWithoutTheEnvelope_HasNoCode_AndKeepsTheGeneratedMessage()
    {
        var error = new DatabrainApiException("The HTTP status code of the response was not expected (502).", 502, "<html>Bad Gateway</html>", new Dictionary<string, IEnumerable<string>>(), null!);

        Assert.Null(error.Code);
        Assert.Empty(error.Details);
        Assert.Null(error.RetryAfter);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
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
