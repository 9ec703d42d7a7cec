using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Databrain.Api.OpenApi;

/// <summary>
/// A Content-Security-Policy on the reference page (/scalar): scripts, styles, fonts and requests from this
/// origin only, so that the page can neither load nor send anything elsewhere. The one inline script the page
/// carries (Scalar's start-up call with its options) is allowed by its hash, computed from the page as served:
/// the options change with the environment (the demo token in Development), a hash written here would not.
/// </summary>
public sealed partial class ReferencePagePolicy(RequestDelegate next)
{
    public const string Path = "/scalar";

    // Scalar styles its components at run time with inline style attributes and <style> elements.
    private static string Policy(string scriptHashes) =>
        $"default-src 'none'; script-src 'self' {scriptHashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsThePage(context.Request.Path))
        {
            await next(context); // its scripts and icon: no policy needed on them
            return;
        }

        var original = context.Response.Body;
        using var page = new MemoryStream();
        context.Response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var html = Encoding.UTF8.GetString(page.GetBuffer(), 0, (int)page.Length);
        var hashes = InlineScript().Matches(html).Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
        context.Response.Headers.ContentSecurityPolicy = Policy(string.Join(' ', hashes));
        context.Response.ContentLength = page.Length;
        page.Position = 0;
        await page.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>The page itself (<c>/scalar</c>, <c>/scalar/</c>, <c>/scalar/v1</c>), not its files (a name with a dot).</summary>
    private static bool IsThePage(PathString path) =>
        path.StartsWithSegments(Path, out var rest) && !rest.Value!.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
