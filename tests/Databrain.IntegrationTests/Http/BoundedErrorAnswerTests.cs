using System.Net;
using System.Text;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// An error answer is never much larger than the request (docs/api.md, "Authentication and the envelope"): at most 50 details, and the
/// whole answer to any body of up to 64 KiB under 16 KiB, whether reading the body or the field rules reject it.
/// </summary>
public abstract class BoundedErrorAnswerTests(ApiFixture api) : ApiTests(api)
{
    private const int Limit = 64 * 1024;

    /// <summary>Repeats <paramref name="item"/>, comma-separated, as often as fits in a body of at most 64 KiB.</summary>
    private static string Filled(string prefix, Func<int, string> item, string suffix)
    {
        var body = new StringBuilder(prefix);
        for (var i = 0; body.Length + item(i).Length + suffix.Length + 1 < Limit; i++)
        {
            body.Append(i == 0 ? string.Empty : ",").Append(item(i));
        }

        return body.Append(suffix).ToString();
    }

    public static TheoryData<string> WorstBodies => new()
    {
        Filled("""{"aiCopilotLlms":[""", _ => "0", "]}"),
        Filled("""{"aiCopilotLlms":[""", _ => "\"\"", "]}"),
        Filled("{", i => $"\"p{i}\":0", "}"),
        Filled("{", _ => "\"name\":0", "}"),
        $"{{\"{new string('p', Limit - 10)}\":0}}",
        Filled("""{"name":"W","connectionType":"MULTI_DATAMART","aiCopilotLlms":[""", i => $"\"{new string('l', 90)}{i}\"", "]}"),
    };

    [Theory]
    [MemberData(nameof(WorstBodies))]
    public async Task AnyBodyOfAtMost64KiB_GetsAnAnswerUnder16KiB_WithAtMost50Details(string body)
    {
        Assert.True(Encoding.UTF8.GetByteCount(body) <= Limit);

        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceRawAsync(org.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(Encoding.UTF8.GetByteCount(response.Body) < 16 * 1024, $"{Encoding.UTF8.GetByteCount(response.Body)} bytes");
        Assert.InRange(response.Details.Count, 1, 50);
    }

    [Fact]
    public async Task MoreThan50Problems_KeepsTheFirst50_AndTheMessageCountsThemAll()
    {
        var body = $"{{{string.Join(',', Enumerable.Range(0, 120).Select(i => $"\"p{i}\":0"))}}}";

        var response = await Client.CreateWorkspaceRawAsync("not-needed", body); // reading the body comes before the token

        Assert.Equal(50, response.Details.Count);
        Assert.Equal(("p0", "is not a known property"), response.Details[0]);
        Assert.Equal(("p49", "is not a known property"), response.Details[49]);
        Assert.Equal("p0 is not a known property (and 119 more; details lists the first 50)", response.ErrorMessage);
    }
}
