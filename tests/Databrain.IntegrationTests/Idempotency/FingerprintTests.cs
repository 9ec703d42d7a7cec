using Databrain.Api.Http;

namespace Databrain.IntegrationTests.Idempotency;

/// <summary>What makes two keyed requests "the same request" (docs/api.md, "Retry-safe writes: Idempotency-Key").</summary>
public sealed class FingerprintTests
{
    private static string Of(string method, string target, string? body, string condition = "none") =>
        RequestFingerprint.Fingerprint(method, target, condition, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("""{"name":"A","connectionType":"MULTI_DATAMART"}""", """{"connectionType":"MULTI_DATAMART","name":"A"}""")]
    [InlineData("""{"name":"A","aiCopilotLlms":["x","y"]}""", " {\n \"aiCopilotLlms\" : [ \"x\" , \"y\" ] ,\t\"name\":\"A\" } ")]
    [InlineData("""{"name":"A"}""", """{"name":"\u0041"}""")]
    [InlineData("""{"name":"A"}""", "\uFEFF{\"name\":\"A\"}")]
    public void JsonEqualBodies_HaveOneFingerprint(string one, string other) =>
        Assert.Equal(Of("POST", "/api/v2/workspace", one), Of("POST", "/api/v2/workspace", other));

    [Theory]
    [InlineData("PUT", "/api/v2/workspace", """{"name":"A"}""")]
    [InlineData("POST", "/api/v2/workspace?x=1", """{"name":"A"}""")]
    [InlineData("POST", "/api/v2/workspace", """{"name":"B"}""")]
    [InlineData("POST", "/api/v2/workspace", """{"name":"A","themeName":null}""")]
    [InlineData("POST", "/api/v2/workspace", """{"name":["A"]}""")]
    [InlineData("POST", "/api/v2/workspace", null)]
    public void ADifferentMethodPathQueryOrBody_HasAnotherFingerprint(string method, string target, string? body) =>
        Assert.NotEqual(Of("POST", "/api/v2/workspace", """{"name":"A"}"""), Of(method, target, body));

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("\"*\"")]
    [InlineData("*")]
    public void AnotherIfMatchCondition_HasAnotherFingerprint(string condition) =>
        Assert.NotEqual(Of("PUT", "/api/v2/workspace", """{"name":"A"}"""), Of("PUT", "/api/v2/workspace", """{"name":"A"}""", condition));

    [Fact]
    public void AFingerprint_CarriesItsFormatVersion_AndTheEarlierFormatIsStillComputed()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"name":"A"}""");

        Assert.StartsWith("v2:", Of("POST", "/w", """{"name":"A"}"""), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", RequestFingerprint.EarlierFingerprint("POST", "/w", body));
    }

    [Fact]
    public void ArrayOrder_Matters() =>
        Assert.NotEqual(Of("POST", "/w", """{"l":["x","y"]}"""), Of("POST", "/w", """{"l":["y","x"]}"""));

    [Theory]
    [InlineData("k", true)]
    [InlineData("!~", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("\u00e9", false)]
    public void KeySyntax_IsOneTo255VisibleAsciiCharacters(string key, bool valid) =>
        Assert.Equal(valid, IdempotencyKeyHeaderAttribute.IsValid(key));

    [Fact]
    public void KeyLength_IsAtMost255() =>
        Assert.Equal((true, false), (IdempotencyKeyHeaderAttribute.IsValid(new string('k', 255)), IdempotencyKeyHeaderAttribute.IsValid(new string('k', 256))));
}
