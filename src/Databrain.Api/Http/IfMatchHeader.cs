using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>
/// Binds a parameter from the <c>If-Match</c> header (docs/api.md, "Versions: ETag and If-Match"): absent → null, <c>*</c> → any
/// version, one strong entity tag → the version it names (a tag this service did not issue names none, and gets 412
/// later). Anything else (a weak tag, a list, no quotes) fails with step 1 of the order of checks, "the request
/// cannot be read", before authentication.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class IfMatchHeaderAttribute : ModelBinderAttribute
{
    public IfMatchHeaderAttribute()
        : base(typeof(Binder))
    {
        BindingSource = BindingSource.Header;
        Name = HeaderNames.IfMatch;
    }

    public const string Problem = "must be * or one strong entity tag, as an ETag of this API gives it (in double quotes)";

    public static bool TryParse(IReadOnlyList<string?> values, out ExpectedVersion? expected)
    {
        expected = null;
        if (values.Count == 0)
        {
            return true;
        }

        var value = values.Count == 1 ? values[0]?.Trim() : null;
        if (value == "*")
        {
            expected = ExpectedVersion.Any;
            return true;
        }

        // RFC 9110's strong entity-tag: DQUOTE *etagc DQUOTE, where etagc is any visible ASCII character but DQUOTE
        // (obs-text left out: no tag of this API has any).
        if (value is ['"', .. var tag, '"'] && tag.All(c => c is '!' or (>= '#' and <= '~')))
        {
            expected = ExpectedVersion.Of(tag);
            return true;
        }

        return false;
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            if (TryParse(bindingContext.HttpContext.Request.Headers.IfMatch, out var expected))
            {
                bindingContext.Result = ModelBindingResult.Success(expected);
            }
            else
            {
                RequestProblems.Add(bindingContext, Errors.InvalidRequestBody(HeaderNames.IfMatch, Problem));
            }

            return Task.CompletedTask;
        }
    }
}
