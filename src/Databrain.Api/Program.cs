using Databrain.Api;
using Databrain.Api.Admin;
using Databrain.Api.Configuration;
using Databrain.Api.Hosting;
using Databrain.Api.Observability;
using Databrain.Api.OpenApi;
using Databrain.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
// The launch-profile check is about `dotnet run`; the build's OpenAPI generation runs from the project folder too.
var launchProblem = OpenApiSetup.IsBuildTimeGeneration ? null : LaunchProfileCheck.FindProblem(builder.Configuration, Environment.CurrentDirectory);
// The launch problem first: it is why the settings may be missing (the run that got no profile got no environment).
if ((launchProblem ?? SettingsCheck.FindProblem(builder.Configuration)) is { } problem)
{
    // Before anything is built: one line that says what is wrong, for the service and every admin command alike.
    await Console.Error.WriteLineAsync($"error: {problem}");
    return 1;
}

var isAdminCommand = AdminCommandLine.IsAdminCommand(args);
builder.Logging.AddDatabrainConsole(builder.Configuration, toStandardError: isAdminCommand);
if (isAdminCommand)
{
    // stdout belongs to the command's own output (token create prints the token alone): logs go to stderr.
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

try
{
    builder.AddApi();
}
catch (DatabaseUnavailableException ex)
{
    // A connection string that cannot be read: one line, for the service and every admin command alike.
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 1;
}

var app = builder.Build();

if (isAdminCommand)
{
    return await AdminCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
}

app.UseApi();
try
{
    await app.PrepareDatabaseAsync();
}
catch (DatabaseUnavailableException ex)
{
    // One line that says what to check, not a driver stack trace.
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 1;
}

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ConsoleLog.IsReportedAtStart(ex))
{
    // Kestrel's message names the address ("Failed to bind to address http://127.0.0.1:5080: address already in use.").
    await Console.Error.WriteLineAsync($"error: {ex.Message} Stop what listens there, or choose another address (--urls or ASPNETCORE_URLS).");
    return 1;
}

return 0;

/// <summary>Entry point; public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
