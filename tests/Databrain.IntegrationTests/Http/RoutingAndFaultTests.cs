using System.Net;
using Databrain.Application.Workspaces.Ports;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Http;

public abstract class RoutingAndFaultTests(ApiFixture api) : ApiTests(api)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/v2/workspaces")]
    [InlineData("/api/v1/workspace")]
    public async Task UnknownRoute_Returns404InTheEnvelope(string path)
    {
        var response = await ApiResponse.ReadAsync(await Client.GetAsync(path));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NOT_FOUND", response.ErrorCode);
        Assert.Equal("application/json; charset=utf-8", response.Message.Content.Headers.ContentType?.ToString());
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task OtherMethod_Returns405InTheEnvelope(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), ApiCalls.Route);

        var response = await ApiResponse.ReadAsync(await Client.SendAsync(request));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", response.ErrorCode);
    }

    [Fact]
    public async Task UnexpectedException_Returns500_WithNothingInternal()
    {
        const string Secret = "Server=db.internal;Password=hunter2";
        await using var faulty = Api.WithServices(services =>
            services.AddScoped<IWorkspaceQueries>(_ => Intercept.Failing<IWorkspaceQueries>(new InvalidOperationException($"cannot connect: {Secret}"))));
        using var client = faulty.CreateClient();
        var org = await Api.CreateOrganizationAsync();

        var response = await client.ListWorkspacesAsync(org.Token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal(
            """{"data":null,"error":{"code":"INTERNAL_SERVER_ERROR","message":"An unexpected error occurred. It has been logged; please try again later."}}""",
            response.Body);
        Assert.Equal("application/json; charset=utf-8", response.Message.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task EveryResponse_CarriesNosniffAndNoStore_AndNoServerHeader()
    {
        var org = await Api.CreateOrganizationAsync();
        await using var faulty = Api.WithServices(services =>
            services.AddScoped<IWorkspaceQueries>(_ => Intercept.Failing<IWorkspaceQueries>(new InvalidOperationException("boom"))));
        using var faultyClient = faulty.CreateClient();

        ApiResponse[] responses =
        [
            await Client.CreateWorkspaceAsync(org.Token, new { name = "W", connectionType = "MULTI_DATAMART" }),
            await Client.CreateWorkspaceRawAsync(org.Token, "{"),
            await Client.ListWorkspacesAsync("wrong"),
            await ApiResponse.ReadAsync(await Client.GetAsync("/nowhere")),
            await faultyClient.ListWorkspacesAsync(org.Token),
        ];

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.InternalServerError], responses.Select(r => r.Status));
        Assert.All(responses, r =>
        {
            Assert.Equal(["nosniff"], r.Message.Headers.GetValues("X-Content-Type-Options"));
            Assert.True(r.Message.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
            Assert.False(r.Message.Headers.Contains("Server"), "Server header");
        });
    }

    [Fact]
    public void TheClient_TalksToARealKestrelServerOverLoopback() =>
        Assert.True(Client.BaseAddress is { IsLoopback: true, Port: not 80 }, $"base address {Client.BaseAddress}");
}
