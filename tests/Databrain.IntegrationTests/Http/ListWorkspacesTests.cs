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
    [InlineData("?isPagination=true&pageSize=0", "pageSize")]
    [InlineData("?isPagination=true&pageSize=101", "pageSize")]
    [InlineData("?isPagination=true&pageSize=", "pageSize")]
    [InlineData("?isPagination=true&pageSize=+5", "pageSize")]
    [InlineData("?pageSize=5", "pageSize")]
    [InlineData("?isPagination=false&pageSize=5", "pageSize")]
    [InlineData("?nameStartsWith=", "nameStartsWith")]
    [InlineData("?nameStartsWith=a%00", "nameStartsWith")]
    [InlineData("?nameStartsWith=a%E2%80%8B", "nameStartsWith")] // U+200B, a format character
    [InlineData("?connectionType=datasource", "connectionType")]
    [InlineData("?connectionType=", "connectionType")]
    [InlineData("?isPagination=true&pageSize=5&pageSize=6", "pageSize")]
    [InlineData("?nameStartsWith=a&nameStartsWith=b", "nameStartsWith")]
    public async Task List_WithInvalidQuery_Returns400NamingTheParameter(string query, string field)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.ListWorkspacesAsync(org.Token, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        Assert.Equal(field, Assert.Single(response.Details).Field);
    }

    [Fact]
    public async Task NameStartsWith_IsLongAtMost255()
    {
        var org = await Api.CreateOrganizationAsync();

        var longest = await Client.ListWorkspacesAsync(org.Token, $"?nameStartsWith={new string('a', 255)}");
        var tooLong = await Client.ListWorkspacesAsync(org.Token, $"?nameStartsWith={new string('a', 256)}");

        Assert.Equal(HttpStatusCode.OK, longest.Status);
        Assert.Equal(("nameStartsWith", HttpStatusCode.BadRequest), (Assert.Single(tooLong.Details).Field, tooLong.Status));
    }

    [Fact]
    public async Task APage_OfAnyPageSize_CarriesTheTotalCount_AndTheWholeListDoesNot()
    {
        var (org, names) = await OrganizationWithWorkspaces(23);

        var page = await Client.ListWorkspacesAsync(org.Token, "?isPagination=true&pageNumber=2&pageSize=7");
        var past = await Client.ListWorkspacesAsync(org.Token, "?isPagination=true&pageNumber=9&pageSize=7");
        var largest = await Client.ListWorkspacesAsync(org.Token, "?isPagination=true&pageSize=100");
        var whole = await Client.ListWorkspacesAsync(org.Token);

        Assert.Equal(names[7..14], page.Data.EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(["23", "23", "23"], new[] { page, past, largest }.Select(r => string.Join(",", r.Message.Headers.GetValues("X-Total-Count"))));
        Assert.Equal(0, past.Data.GetArrayLength());
        Assert.Equal(23, largest.Data.GetArrayLength());
        Assert.False(whole.Message.Headers.Contains("X-Total-Count"));
    }

    [Fact]
    public async Task Filters_ApplyToPagesAndTheWholeList_AndTheCountIsOfTheMatches()
    {
        var org = await Api.CreateOrganizationAsync();
        // Ordinal prefixes: "Sales" matches "Sales" and "Sales EU" but not "sales" or "Sale"; "Sales " only "Sales EU".
        (string Name, string Type)[] workspaces =
        [
            ("Sales EU", "DATASOURCE"), ("sales", "MULTI_DATAMART"), ("Sales", "MULTI_DATAMART"), ("Sale", "MULTI_DATAMART"),
            ("Salesforce", "MULTI_DATASOURCE"), ("Säles", "MULTI_DATAMART"), ("Sales 😀", "MULTI_DATAMART"), ("Salet", "MULTI_DATAMART"),
        ];
        foreach (var (name, type) in workspaces)
        {
            var body = type == "DATASOURCE" ? (object)new { name, connectionType = type, datasourceName = "postgres-main" } : new { name, connectionType = type };
            Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(org.Token, body)).Status);
        }

        Assert.Equal(["Sales EU", "Sales", "Salesforce", "Sales 😀"], await Client.ListNamesAsync(org.Token, "?nameStartsWith=Sales"));
        Assert.Equal(["Sales EU", "Sales 😀"], await Client.ListNamesAsync(org.Token, "?nameStartsWith=Sales%20"));
        Assert.Equal(["Sales 😀"], await Client.ListNamesAsync(org.Token, "?nameStartsWith=Sales%20%F0%9F%98%80"));
        Assert.Equal(["Sales", "Sales 😀"], await Client.ListNamesAsync(org.Token, "?nameStartsWith=Sales&connectionType=MULTI_DATAMART"));
        Assert.Empty(await Client.ListNamesAsync(org.Token, "?nameStartsWith=Nope"));

        var page = await Client.ListWorkspacesAsync(org.Token, "?isPagination=true&pageSize=1&pageNumber=2&nameStartsWith=Sales&connectionType=MULTI_DATAMART");
        Assert.Equal("Sales 😀", Assert.Single(page.Data.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("2", Assert.Single(page.Message.Headers.GetValues("X-Total-Count")));
    }

    [Fact]
    public async Task Filters_NeverReachAnotherOrganization()
    {
        var (other, _) = await OrganizationWithWorkspaces(3);
        var org = await Api.CreateOrganizationAsync();

        var page = await Client.ListWorkspacesAsync(org.Token, "?isPagination=true&connectionType=MULTI_DATASOURCE");

        Assert.Equal("[]", page.Data.GetRawText());
        Assert.Equal("0", Assert.Single(page.Message.Headers.GetValues("X-Total-Count")));
        Assert.Equal(3, (await Client.ListNamesAsync(other.Token, "?connectionType=MULTI_DATASOURCE")).Count);
    }

    [Theory]
    [InlineData("pageSize=5")]
    [InlineData("nameStartsWith=S")]
    [InlineData("connectionType=DATASOURCE")]
    public async Task ReadingOne_WithAListOption_Returns400NamingIt(string option)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.ListWorkspacesAsync(org.Token, $"?name=Sales&{option}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal((option.Split('=')[0], "is not allowed together with name"), Assert.Single(response.Details));
    }
}
