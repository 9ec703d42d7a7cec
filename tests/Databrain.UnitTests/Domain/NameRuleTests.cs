using Databrain.Domain.Common;

namespace Databrain.UnitTests.Domain;

public sealed class NameRuleTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("Sales Analytics")]
    [InlineData("Ünïcødé-名前 ✓")]
    [InlineData("in ner  spaces")]
    public void FindProblem_WhenNameIsValid_ReturnsNull(string name) => Assert.Null(NameRule.FindProblem(name));

    [Fact]
    public void FindProblem_WhenNameHasExactly100Characters_ReturnsNull() =>
        Assert.Null(NameRule.FindProblem(new string('x', 100)));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void FindProblem_WhenLengthIsOutOfRange_SaysTheLimits(int length) =>
        Assert.Equal("must be 1 to 100 characters long", NameRule.FindProblem(new string('x', length)));

    [Theory]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("\ttab")]
    [InlineData("nbsp\u00a0")]
    [InlineData(" ")]
    public void FindProblem_WhenPaddedWithWhiteSpace_Rejects(string name) =>
        Assert.Equal("must not start or end with white space", NameRule.FindProblem(name));

    [Theory]
    [InlineData("new\nline")]
    [InlineData("nul\0byte")]
    [InlineData("bell\u0007")]
    [InlineData("del\u007f")]
    public void FindProblem_WhenNameHasControlCharacters_Rejects(string name) =>
        Assert.Equal("must not contain control characters", NameRule.FindProblem(name));

    [Theory]
    [InlineData("zero\u200Bwidth")]
    [InlineData("joiner\u200D")]
    [InlineData("bom\uFEFFinside")]
    [InlineData("right\u202Eleft")]
    [InlineData("isolate\u2066x\u2069")]
    [InlineData("tag\uDB40\uDC01")]
    public void FindProblem_WhenNameHasInvisibleFormatCharacters_Rejects(string name) =>
        Assert.StartsWith("must not contain invisible format characters", NameRule.FindProblem(name), StringComparison.Ordinal);

    [Theory]
    [InlineData("café")]
    [InlineData("cafe\u0301")]
    [InlineData("東京")]
    [InlineData("emoji \U0001F600")]
    public void FindProblem_VisibleNonAsciiNames_AreFine(string name) => Assert.Null(NameRule.FindProblem(name));
}
