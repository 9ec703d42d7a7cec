using System.Globalization;

namespace Databrain.Application.Common.Results;

/// <summary>
/// The catalogue of error codes (docs/api.md, "Errors") and the one place each error's message is written.
/// HTTP status codes are the host's business and live there.
/// </summary>
public static class Errors
{
    public const string InvalidRequestBodyCode = "INVALID_REQUEST_BODY";
    public const string WorkspaceNameAlreadyExistsCode = "WORKSPACE_NAME_ALREADY_EXISTS";
    public const string InvalidDatasourceNameCode = "INVALID_DATASOURCE_NAME";
    public const string InvalidDatamartNameCode = "INVALID_DATAMART_NAME";
    public const string InvalidLlmNameCode = "INVALID_LLM_NAME";
    public const string InvalidAiCopilotLlmsCode = "INVALID_AI_COPILOT_LLMS";
    public const string InvalidThemeNameCode = "INVALID_THEME_NAME";
    public const string WorkspaceDoesNotExistCode = "WORKSPACE_DOES_NOT_EXIST";
    public const string WorkspaceVersionMismatchCode = "WORKSPACE_VERSION_MISMATCH";
    public const string ChangeFeedCursorExpiredCode = "CHANGE_FEED_CURSOR_EXPIRED";
    public const string IdempotencyKeyReusedCode = "IDEMPOTENCY_KEY_REUSED";
    public const string IdempotencyKeyInUseCode = "IDEMPOTENCY_KEY_IN_USE";
    public const string TooManyRequestsCode = "TOO_MANY_REQUESTS";
    public const string InvalidDataAppApiKeyCode = "INVALID_DATA_APP_API_KEY";
    public const string InsufficientTokenScopeCode = "INSUFFICIENT_TOKEN_SCOPE";
    public const string InternalServerErrorCode = "INTERNAL_SERVER_ERROR";

    /// <summary>Admin command line only: the organization named on the command line does not exist.</summary>
    public const string UnknownOrganizationCode = "UNKNOWN_ORGANIZATION";

    /// <summary>Admin command line only: no service token has the id named on the command line.</summary>
    public const string UnknownServiceTokenCode = "UNKNOWN_SERVICE_TOKEN";

    /// <summary>Admin command line only: a revoked or expired token cannot be rotated.</summary>
    public const string ServiceTokenEndedCode = "SERVICE_TOKEN_ENDED";

    /// <summary>Admin command line only: a seed file token is already issued to another organization.</summary>
    public const string ServiceTokenConflictCode = "SERVICE_TOKEN_CONFLICT";

    /// <summary>
    /// At most this many entries in <c>details</c> (docs/api.md, "Authentication and the envelope"): an error answer stays small whatever the
    /// request, so that a 64 KiB body cannot make a megabyte answer.
    /// </summary>
    public const int MaxDetails = 50;

    /// <summary>Every problem found, in one error; the message names the first and counts the rest.</summary>
    /// <param name="details">The problems, in order; only the first <see cref="MaxDetails"/> are kept.</param>
    /// <param name="total">How many problems there are, when the caller stopped collecting them at the cap; else the count of <paramref name="details"/>.</param>
    public static Error InvalidRequestBody(IReadOnlyList<ErrorDetail> details, int? total = null)
    {
        if (details.Count == 0)
        {
            throw new ArgumentException("An invalid request has at least one problem.", nameof(details));
        }

        var count = Math.Max(total ?? details.Count, details.Count);
        var first = details[0];
        var message = $"{first.Field} {first.Message}";
        if (count > MaxDetails)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" (and {count - 1} more; details lists the first {MaxDetails})");
        }
        else if (count > 1)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" (and {count - 1} more, listed in details)");
        }

        return new Error(InvalidRequestBodyCode, message, details.Count > MaxDetails ? details.Take(MaxDetails).ToArray() : details);
    }

    public static Error InvalidRequestBody(string field, string problem) => InvalidRequestBody([new ErrorDetail(field, problem)]);

    public static Error InvalidDataAppApiKey { get; } =
        new(InvalidDataAppApiKeyCode, "The request needs a valid service token: Authorization: Bearer <token>.");

    public static Error InsufficientTokenScope { get; } =
        new(InsufficientTokenScopeCode, "This token can only read; use a token with the write scope.");

    public static Error WorkspaceNameAlreadyExists(string name) =>
        new(WorkspaceNameAlreadyExistsCode, $"A workspace named '{name}' already exists in this organization.");

    public static Error InvalidDatasourceName(string name) =>
        new(InvalidDatasourceNameCode, $"datasourceName '{name}' names no datasource of this organization.");

    public static Error InvalidDatamartName(string name) =>
        new(InvalidDatamartNameCode, $"datamartName '{name}' names no datamart of this organization.");

    public static Error InvalidLlmName(string name) =>
        new(InvalidLlmNameCode, $"llmName '{name}' names no LLM of this organization.");

    public static Error InvalidAiCopilotLlms(IEnumerable<string> unknownNames) =>
        new(InvalidAiCopilotLlmsCode, $"aiCopilotLlms names LLMs this organization does not have: {string.Join(", ", unknownNames.Select(n => $"'{n}'"))}.");

    public static Error InvalidThemeName(string name) =>
        new(InvalidThemeNameCode, $"themeName '{name}' names no theme of this organization.");

    public static Error WorkspaceDoesNotExist(string name) =>
        new(WorkspaceDoesNotExistCode, $"This organization has no workspace named '{name}'.");

    public static Error WorkspaceVersionMismatch(string name, long currentVersion) =>
        new(WorkspaceVersionMismatchCode, string.Create(
            CultureInfo.InvariantCulture,
            $"Workspace '{name}' is at version {currentVersion}, not the version If-Match names; read it again before changing it."));

    public static Error IdempotencyKeyReused { get; } =
        new(IdempotencyKeyReusedCode, "This Idempotency-Key was used for a different request (method, path, query or body); use a new key for a new request.");

    public static Error IdempotencyKeyInUse { get; } =
        new(IdempotencyKeyInUseCode, "A request with this Idempotency-Key is still being processed; retry it later.");

    public static Error ChangeFeedCursorExpired(long after, long purgedThrough) =>
        new(ChangeFeedCursorExpiredCode, string.Create(
            CultureInfo.InvariantCulture,
            $"The records after {after} are no longer all kept (those through {purgedThrough} were purged); read the workspaces afresh, then follow from the newest record."));

    public static Error TooManyRequests(int retryAfterSeconds) =>
        new(TooManyRequestsCode, string.Create(CultureInfo.InvariantCulture, $"Too many requests: try again in {retryAfterSeconds} s."))
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    public static Error InternalServerError { get; } =
        new(InternalServerErrorCode, "An unexpected error occurred. It has been logged; please try again later.");

    public static Error UnknownOrganization(string name) =>
        new(UnknownOrganizationCode, $"There is no organization named '{name}'.");

    public static Error ServiceTokenConflict(string organizationName) =>
        new(ServiceTokenConflictCode, $"A service token listed for organization '{organizationName}' is already issued to another organization.");

    public static Error UnknownServiceToken(string id) =>
        new(UnknownServiceTokenCode, $"There is no service token with the id '{id}'.");

    public static Error ServiceTokenEnded(string id) =>
        new(ServiceTokenEndedCode, $"Service token '{id}' is revoked or has expired: it cannot be rotated; issue a new one with token create.");
}
