using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BriefBot.Tests.Host;

/// <summary>
/// The real BriefBot host on Kestrel at a random 127.0.0.1 port, with its own index, database and sources in a
/// temp folder. Tests add configuration (for example the URLs of fake Teams or Slack services) as key/value pairs.
/// </summary>
public sealed class BriefBotHost : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <param name="services">Replaces services after the host's own registrations (for example a frozen TimeProvider).</param>
    /// <param name="environment">The hosting environment: "Testing" unless a test needs Development or Production.</param>
    public BriefBotHost(IDictionary<string, string?>? settings = null, string? sources = null, Action<IServiceCollection>? services = null, string environment = "Testing")
    {
        _services = services;
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Search:Sources"] = sources ?? TestPaths.Seeds,
            ["Search:IndexFolder"] = _folder.Combine("index"),
            ["Storage:Path"] = _folder.Combine("briefbot.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // 127.0.0.1:0 through Kestrel's own options, not UseKestrel(port): with a port the factory edits the server's
        // addresses after the build, racing the app's thread that binds them (dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public TempFolder Folder => _folder;

    /// <summary>Starts the server and waits until the start-up indexing has finished.</summary>
    public async Task<HttpClient> StartAsync()
    {
        // The indexing wait below runs in parallel with other hosts; only building the host waits its turn.
        await HostBuilds.OneAtATimeAsync(() =>
        {
            StartServer();
            return Task.FromResult(true);
        });

        var client = CreateClient();
        for (int i = 0; i < 200; i++)
        {
            string health = await client.GetStringAsync("/healthz");
            if (health.Contains("\"index\":\"ready\"", StringComparison.Ordinal))
            {
                return client;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The host did not finish indexing in 10 seconds.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
