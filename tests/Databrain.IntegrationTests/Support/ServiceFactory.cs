using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// The real service on a real Kestrel server on a free loopback port (requests cross a real socket), on the
/// given database, in the Testing environment unless told otherwise.
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services after the service's own registration (a fake clock, a counting port).</param>
    public ServiceFactory(
        TestDatabase database,
        ServiceLog? log = null,
        IReadOnlyDictionary<string, string>? settings = null,
        string environment = "Testing",
        Action<IServiceCollection>? services = null)
    {
        _database = database;
        _services = services;
        Log = log ?? new ServiceLog();
        _settings = settings ?? new Dictionary<string, string>();
        _environment = environment;
        UseKestrel(0);
    }

    /// <summary>What the service logs (instead of its console, so that only a failing test's own lines are shown).</summary>
    public ServiceLog Log { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Databrain", _database.ConnectionString);

        // Every test talks from 127.0.0.1, and many send wrong tokens on purpose: the failed-authentication
        // limit (docs/api.md, "Rate limits") would soon answer 429 to all of them. Its own tests turn it on.
        builder.UseSetting("RateLimits:FailedAuthentication:Enabled", "false");

        // A test's service stops when its test ends: nothing balances load onto it, so there is nothing to drain.
        builder.UseSetting("Shutdown:DrainSeconds", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // The service's console is replaced by the test's log; its own providers (ServerRejectionLog) stay.
            foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType?.Assembly != typeof(Program).Assembly).ToList())
            {
                services.Remove(console);
            }

            services.AddSingleton(Log.CreateProvider());
        });

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
