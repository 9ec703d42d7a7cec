using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

public abstract class ListWorkspacesTests(ApiFixture api) : ApiTests(api)
{
    private async Task<(TestOrganization Org, string[] Names)> OrganizationWithWorkspaces(int count)
    {
        var org = await Api.CreateOrganizationAsync();

        // Created in an order that is not alphabetical, to show the list is oldest first, not sorted by name.
        var names = Enumerable.Range(0, count).Select(i => $"{(char)('z' - (i % 26))}-{i:D2}").ToArray();
        foreach (var name in names)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(org.Token, new { name, connectionType = "MULTI_DATASOURCE" })).Status);
        }

        return (org, names);
    }

    [Fact]
    public async Task List_WithoutPagination_ReturnsEveryWorkspaceOldestFirst()
    {
        var (org, names) = await OrganizationWithWorkspaces(23);

        Assert.Equal(names, await Client.ListNamesAsync(org.Token));
        Assert.Equal(names, await Client.ListNamesAsync(org.Token, "?isPagination=false&pageNumber=2"));
    }

    [Fact]
    public async Task List_WithPagination_ReturnsPagesOfTen()
    {
        var (org, names) = await OrganizationWithWorkspaces(23);

        Assert.Equal(names[..10], await Client.ListNamesAsync(org.Token, "?isPagination=true"));
        Assert.Equal(names[..10], await Client.ListNamesAsync(org.Token, "?isPagination=true&pageNumber=1"));
        Assert.Equal(names[10..20], await Client.ListNamesAsync(org.Token, "?isPagination=true&pageNumber=2"));
        Assert.Equal(names[20..], await Client.ListNamesAsync(org.Token, "?isPagination=true&pageNumber=3"));
        Assert.Empty(await Client.ListNamesAsync(org.Token, "?isPagination=true&pageNumber=4"));
        Assert.Empty(await Client.ListNamesAsync(org.Token, "?isPagination=true&pageNumber=2147483647"));
    }

    [Fact]
    public async Task List_OfANewOrganization_IsAnEmptyArray()
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.ListWorkspacesAsync(org.Token);

        Assert.Equal("""{"data":[],"error":null}""", response.Body);
    }

    [Theory]
    [InlineData("?isPagination=yes", "isPagination")]
    [InlineData("?isPagination=TRUE", "isPagination")]
    [InlineData("?isPagination=true&pageNumber=0", "pageNumber")]
    [InlineData("?isPagination=true&pageNumber=-1", "pageNumber")]
    [InlineData("?isPagination=true&pageNumber=1.5", "pageNumber")]
    [InlineData("?isPagination=true&pageNumber=abc", "pageNumber")]
    [InlineData("?pageNumber=99999999999", "pageNumber")]
    public async Task List_WithInvalidQuery_Returns400NamingTheParameter(string query, string field)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.ListWorkspacesAsync(org.Token, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        Assert.Equal(field, Assert.Single(response.Details).Field);
    }
}
