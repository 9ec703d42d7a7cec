using Databrain.Application.Catalog.ApplySeed;
using Databrain.Application.Catalog.IssueServiceToken;
using Databrain.Application.Workspaces.CreateWorkspace;

namespace Databrain.UnitTests.Catalog;

/// <summary>Frameworks log action arguments at Debug level: requests holding client data or tokens print none of it.</summary>
public sealed class NoSecretsInToStringTests
{
    private const string Secret = "dbn_live_secret_value";

    [Fact]
    public void CreateWorkspaceCommand_PrintsNoValues() =>
        Assert.DoesNotContain(Secret, new CreateWorkspaceCommand(new CreateWorkspaceRequest { Name = Secret, CustomSummaryPrompt = Secret }, idempotencyKey: null).ToString(), StringComparison.Ordinal);

    [Fact]
    public void SeedCommand_PrintsNoTokens()
    {
        var organization = new SeedOrganization { Name = "acme", ServiceTokens = [Secret] };

        Assert.DoesNotContain(Secret, new ApplySeedCommand { Organizations = [organization] }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, organization.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IssuedToken_DoesNotPrintTheToken() =>
        Assert.DoesNotContain(Secret, new IssuedServiceToken(Secret, "tok_1", "ci", Databrain.Application.Common.Security.TokenScope.Write, null).ToString(), StringComparison.Ordinal);
}
