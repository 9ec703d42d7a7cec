using System.Globalization;

namespace Databrain.Client;

/// <summary>One problem of an <c>INVALID_REQUEST_BODY</c>: the field (its JSON name) and what is wrong with it.</summary>
public sealed record ErrorDetail(string Field, string Message);

/// <summary>
/// An answer that is not a success: the API's error (<see cref="Code"/>, one of <see cref="ErrorCodes"/>), or an answer
/// that is not the API's envelope (a proxy's 502: <see cref="Code"/> is null and <see cref="Response"/> holds the body).
/// </summary>
public sealed class DatabrainApiException : Exception
{
    public DatabrainApiException()
        : this("The Databrain API answered an error.")
    {
    }

    public DatabrainApiException(string message)
        : this(message, innerException: null)
    {
    }

    public DatabrainApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal DatabrainApiException(int statusCode, string? code, string? errorMessage, IReadOnlyList<ErrorDetail> details, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? response, Exception? innerException)
        : base(code is null ? $"{statusCode}: the answer is not the API's envelope." : $"{statusCode} {code}: {errorMessage}", innerException)
    {
        StatusCode = statusCode;
        Code = code;
        ErrorMessage = errorMessage;
        Details = details;
        Headers = headers;
        Response = response;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The API's error code, one of <see cref="ErrorCodes"/>; null when the answer was not the API's envelope.</summary>
    public string? Code { get; }

    /// <summary>The API's message for people.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Every problem of an <c>INVALID_REQUEST_BODY</c>, each with its field; empty for other codes.</summary>
    public IReadOnlyList<ErrorDetail> Details { get; } = [];

    /// <summary>The answer's headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; } = new Dictionary<string, IEnumerable<string>>();

    /// <summary>The answer's body, as sent.</summary>
    public string? Response { get; }

    /// <summary>How long to wait before trying again, from <c>Retry-After</c> (sent with 429 <c>TOO_MANY_REQUESTS</c>).</summary>
    public TimeSpan? RetryAfter =>
        Headers.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
