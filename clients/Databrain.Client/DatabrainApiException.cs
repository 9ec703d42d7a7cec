using System.Globalization;
using System.Text.Json;

namespace Databrain.Client;

/// <summary>
/// An answer that is not a success. The generated client throws it (as <see cref="DatabrainApiException{TResult}"/>
/// with the <see cref="ErrorEnvelope"/> for every error the API describes); this part reads the envelope's error.
/// </summary>
public partial class DatabrainApiException
{
    private static readonly JsonSerializerOptions EnvelopeOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The envelope's error; null when the answer was not the API's envelope (a proxy's 502, say).</summary>
    public Error? Error => this is DatabrainApiException<ErrorEnvelope> typed ? typed.Result?.Error : ParseEnvelope(Response)?.Error;

    /// <summary>The error code: <c>INVALID_REQUEST_BODY</c>, <c>WORKSPACE_NAME_ALREADY_EXISTS</c>, … (docs/api.md, "Error codes").</summary>
    public string? Code => Error?.Code;

    /// <summary>The API's message for people.</summary>
    public string? ErrorMessage => Error?.Message;

    /// <summary>Every problem of an <c>INVALID_REQUEST_BODY</c>, each with its field; empty for other codes.</summary>
    public IReadOnlyList<ErrorDetail> Details => Error?.Details?.ToList() ?? [];

    /// <summary>How long to wait before trying again, from <c>Retry-After</c> (sent with 429 <c>TOO_MANY_REQUESTS</c>).</summary>
    public TimeSpan? RetryAfter =>
        Headers is not null
        && Headers.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>The status and the API's error, instead of the generator's list of every code the status can carry.</summary>
    public override string Message => Error is { } error ? $"{StatusCode} {error.Code}: {error.Message}" : base.Message;

    private static ErrorEnvelope? ParseEnvelope(string? text)
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
