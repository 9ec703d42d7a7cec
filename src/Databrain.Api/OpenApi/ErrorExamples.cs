using Databrain.Api.Http;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Workspaces;

namespace Databrain.Api.OpenApi;

/// <summary>One example of each error the API answers, built by the same factories that build the real ones.</summary>
public static class ErrorExamples
{
    public static IReadOnlyDictionary<string, Error> ByCode { get; } = new[]
    {
        Errors.InvalidRequestBody([new ErrorDetail(WorkspaceFields.DatasourceName, WorkspaceFields.RequiredWithConnectionType(ConnectionType.Datasource.ToWire()))]),
        Errors.WorkspaceNameAlreadyExists(RequestExamplesTransformer.WorkspaceName),
        Errors.InvalidDatasourceName("mysql-legacy"),
        Errors.InvalidDatamartName("hr-mart"),
        Errors.InvalidLlmName("gpt-5"),
        Errors.InvalidAiCopilotLlms(["mistral", "gemini"]),
        Errors.InvalidThemeName("neon"),
        Errors.WorkspaceDoesNotExist(RequestExamplesTransformer.WorkspaceName),
        Errors.WorkspaceVersionMismatch(RequestExamplesTransformer.WorkspaceName, 4),
        Errors.ChangeFeedCursorExpired(1043, 2000),
        Errors.InvalidDataAppApiKey,
        Errors.InsufficientTokenScope,
        Errors.TooManyRequests(7),
        Errors.IdempotencyKeyReused,
        Errors.IdempotencyKeyInUse,
        Errors.InternalServerError,
        HostErrors.NotFound,
        HostErrors.MethodNotAllowed,
    }.ToDictionary(e => e.Code);
}
