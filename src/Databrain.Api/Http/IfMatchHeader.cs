using System.Globalization;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>
/// Binds a parameter from the <c>If-Match</c> header (docs/api.md, "Versions: ETag and If-Match"): absent → null, <c>*</c> → any
/// version, <c>"3"</c> → version 3. Anything else (a weak tag, a list, no quotes, a tag that is not a version)
/// fails with step 1 of the order of checks, "the request cannot be read", before authentication.
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

    public const string Problem = "must be * or one version in double quotes, such as \"3\" (a strong entity tag)";

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

        if (value is ['"', .. var digits, '"'] && digits.Length is > 0 and <= 18 && digits[0] != '0' && digits.All(char.IsAsciiDigit))
        {
            expected = new ExpectedVersion(long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
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
