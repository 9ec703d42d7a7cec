using System.Diagnostics;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Observability;

/// <summary>
/// The interactive reference at /scalar, opened in a real headless browser (Debian's chromium, which .ci/run
/// installs), as in Development: the page renders the workspace operations from the OpenAPI document, and its
/// Content-Security-Policy refuses nothing it needs.
/// </summary>
public sealed class ScalarPageTests : IAsyncLifetime
{
    private static readonly string? Browser = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    private readonly SqliteTestDatabase _database = new();
    private ServiceFactory? _service;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipWhen(Browser is null, "No headless browser: install Debian's chromium package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.");
        await _database.InitializeAsync();
        _service = new ServiceFactory(_database, environment: "Development");
        _service.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task ScalarPage_ShowsTheWorkspaceOperations()
    {
        using var client = _service!.CreateClient();
        var profile = Directory.CreateTempSubdirectory("databrain-chromium-");
        try
        {
            var start = new ProcessStartInfo(Browser!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=20000", "--dump-dom", new Uri(client.BaseAddress!, "/scalar/").ToString(),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var browser = Process.Start(start)!;
            var dom = browser.StandardOutput.ReadToEndAsync();
            var console = browser.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await browser.WaitForExitAsync(timeout.Token);
            var html = await dom;
            var messages = await console;

            Assert.Contains("Create a workspace", html, StringComparison.Ordinal);
            Assert.Contains("List workspaces, or read one by name", html, StringComparison.Ordinal);
            Assert.Contains("Update a workspace", html, StringComparison.Ordinal);
            Assert.Contains("Delete a workspace", html, StringComparison.Ordinal);
            Assert.Contains("/api/v2/workspace", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Generate SDK", html, StringComparison.Ordinal); // no developer toolbar (Deploy, Generate SDK, Share)
            Assert.DoesNotContain(">Deploy<", html, StringComparison.Ordinal);
            Assert.Contains("@scalar/api-reference", messages, StringComparison.Ordinal); // the console is read: Scalar's own greeting is there
            Assert.DoesNotContain("Content Security Policy", messages, StringComparison.Ordinal);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
