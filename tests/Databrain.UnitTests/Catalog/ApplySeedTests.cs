using Databrain.Application.Catalog.ApplySeed;
using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using NSubstitute;

namespace Databrain.UnitTests.Catalog;

public sealed class ApplySeedTests
{
    private static readonly ApplySeedValidator Validator = new();

    private static readonly SeedOrganization Acme = new()
    {
        Name = "acme",
        ServiceTokens = ["dbn_live_acme_0123456789abcdef"],
        Datasources = ["postgres-main", "snowflake-dw"],
        Datamarts = ["sales-mart"],
        Llms = ["gpt-4o", "claude-sonnet"],
        Themes = ["dark"],
    };

    private static List<string> Problems(ApplySeedCommand command) =>
        Validator.Validate(command).Errors.Select(e => $"{e.PropertyName} {e.ErrorMessage}").ToList();

    [Fact]
    public void Validate_TheContractsExample_HasNoProblem() => Assert.Empty(Problems(new ApplySeedCommand { Organizations = [Acme] }));

    [Fact]
    public void Validate_OrganizationWithOnlyAName_HasNoProblem() =>
        Assert.Empty(Problems(new ApplySeedCommand { Organizations = [new SeedOrganization { Name = "bare" }] }));

    [Fact]
    public void Validate_MissingOrganizations_IsReported() =>
        Assert.Equal(["organizations is required"], Problems(new ApplySeedCommand()));

    [Fact]
    public void Validate_ReportsEachProblemWithItsPath()
    {
        var problems = Problems(new ApplySeedCommand
        {
            Organizations =
            [
                Acme,
                null,
                new SeedOrganization { Name = " padded", ServiceTokens = ["short"], Llms = ["ok", null, "ok"], Themes = [""] },
            ],
        });

        Assert.Equal(
            [
                "organizations[1] must be an object, not null",
                "organizations[2].name must not start or end with white space",
                "organizations[2].serviceTokens[0] must be 16 to 256 characters without white space or control characters",
                "organizations[2].llms lists a name more than once: 'ok'",
                "organizations[2].llms[1] must be a string, not null",
                "organizations[2].themes[0] must be 1 to 100 characters long",
            ],
            problems);
    }

    [Fact]
    public void Validate_RepeatedOrganizationOrToken_IsReported()
    {
        Assert.Equal(
            ["organizations names an organization more than once: 'acme'"],
            Problems(new ApplySeedCommand { Organizations = [Acme, Acme with { ServiceTokens = [] }] }));
        Assert.Equal(
            ["organizations must not repeat a service token"],
            Problems(new ApplySeedCommand { Organizations = [Acme, Acme with { Name = "other" }] }));
    }

    [Fact]
    public async Task Handle_PassesOnlyTokenHashes_NeverPlaintext()
    {
        var catalog = Substitute.For<ICatalogStore>();
        catalog.ApplySeedAsync(default!, default).ReturnsForAnyArgs(new CatalogSeedOutcome(1, 1, 6));

        var result = await new ApplySeedHandler(catalog).Handle(new ApplySeedCommand { Organizations = [Acme] }, CancellationToken.None);

        Assert.Equal(new SeedSummary(1, 1, 6), result.Value);
        await catalog.Received(1).ApplySeedAsync(
            Arg.Is<IReadOnlyList<CatalogOrganization>>(orgs =>
                orgs.Single().Name == "acme"
                && orgs.Single().Tokens.Single().TokenHash == ServiceTokenHash.Of("dbn_live_acme_0123456789abcdef")
                && orgs.Single().Tokens.Single().Scope == TokenScope.Write
                && orgs.Single().Tokens.Single().ExpiresAt == null
                && orgs.Single().Datasources.SequenceEqual(new[] { "postgres-main", "snowflake-dw" })
                && orgs.Single().Themes.SequenceEqual(new[] { "dark" })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenATokenBelongsToAnotherOrganization_ReportsTheConflict()
    {
        var catalog = Substitute.For<ICatalogStore>();
        catalog.ApplySeedAsync(default!, default).ReturnsForAnyArgs(new CatalogSeedOutcome(0, 0, 0, "acme"));

        var result = await new ApplySeedHandler(catalog).Handle(new ApplySeedCommand { Organizations = [Acme] }, CancellationToken.None);

        Assert.Equal(Errors.ServiceTokenConflictCode, result.Error?.Code);
    }
}
