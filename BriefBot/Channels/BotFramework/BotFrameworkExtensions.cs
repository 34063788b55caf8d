using System.Net;
using BriefBot.Digests;
using BriefBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;
using Polly.Timeout;

namespace BriefBot.Channels.BotFramework;

internal static class BotFrameworkExtensions
{
    public const string OpenIdClient = "BotFramework.OpenId";
    public const string LoginClient = "BotFramework.Login";

    private const int MaxRetries = 4;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The statuses Teams asks bots to retry: throttling (honouring Retry-After), 412, and the gateway errors.</summary>
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>The Teams / Bot Framework channel: token validation, the Connector client, handlers and their queue.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        // A refresh requested after an unknown signing key must deliver the new keys to that same request, not to a
        // later one: IdentityModel 8 refreshes in the background unless told to block.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);
        services.AddOptions<BotFrameworkOptions>()
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                configuration.Bind(options);
                options.AllowEmulator = configuration.GetValue<bool?>(BotFrameworkOptions.AllowEmulatorKey) ?? environment.IsDevelopment();
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(ConversationReferenceStore.Schema);
        services.AddSingleton<ConversationReferenceStore>();

        // The key downloader keeps one HttpClient for the app's life, so its connections are recycled for DNS changes.
        services.AddHttpClient(OpenIdClient, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddHttpClient(LoginClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClients>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<ConnectorTokens>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddHttpClient<ConnectorClient>((sp, c) => c.Timeout = TotalTimeout(sp.GetRequiredService<IOptions<TeamsOptions>>().Value))
            .AddResilienceHandler("connector", (pipeline, context) => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                    MaxRetryAttempts = MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(1),
                    MaxDelay = MaxRetryDelay,
                    ShouldRetryAfterHeader = true,
                })
                .AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.ConnectorTimeout));

        services.AddSingleton<ActivityQueue>();
        services.AddHostedService<ActivityWorker>();
        // Per activity, so each gets a ConnectorClient with a current handler from the HttpClientFactory.
        services.AddTransient<MessageHandler>();
        services.AddTransient<MembershipHandler>();
        services.AddSingleton<FeedbackAction>();
        services.AddSingleton<TeamsDigestCommands>();
        services.AddSingleton<IDigestSender, TeamsDigestSender>();
        return services;
    }

    /// <summary>
    /// A transient status, or an attempt whose answer never came (a timeout, a broken connection): the Connector
    /// offers no way to look a message up, so a reply is sent again rather than lost, and one that had in fact
    /// landed shows twice. A best-effort call (typing) is not sent again.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Result: { } response } => Transient.Contains(response.StatusCode),
        { Exception: TimeoutRejectedException or HttpRequestException } => !ConnectorClient.IsBestEffort(context.GetRequestMessage()),
        _ => false,
    };

    /// <summary>Every attempt at its longest and the longest waits between them: the client's overall limit.</summary>
    private static TimeSpan TotalTimeout(TeamsOptions options) => (options.ConnectorTimeout * (MaxRetries + 1)) + (MaxRetryDelay * MaxRetries);

    /// <summary><c>POST /api/messages</c>, the endpoint registered with Azure Bot Service.</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesApi));
        if (options.AuthenticationEnabled)
        {
            logger.LogInformation("Bot Framework authentication is on for app {MicrosoftAppId} ({AppType})", options.MicrosoftAppId, options.MicrosoftAppType ?? BotFrameworkOptions.MultiTenant);
        }
        else
        {
            logger.LogWarning(
                "!!! Bot Framework authentication is OFF: MicrosoftAppId is not set, so /api/messages accepts requests from anyone " +
                "and replies go only to loopback service URLs. Use this only for local development and the Bot Framework Emulator. !!!");
        }

        if (options.AuthenticationEnabled && options.AllowEmulator)
        {
            logger.LogWarning("Bot Framework Emulator tokens are accepted ({Setting} or the Development environment); their replies go only to loopback service URLs, without the bot's token",
                BotFrameworkOptions.AllowEmulatorKey);
        }

        app.MapGroup("/api").MapPost("/messages", MessagesApi.HandleAsync).WithName("BotFrameworkMessages");
        return app;
    }
}
