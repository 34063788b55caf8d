using BriefBot.Digests;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

internal static class SlackExtensions
{
    /// <summary>The Slack channel: signature check, event log, queue, responder, Web API client and digest sender.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.BotToken),
                "Slack:BotToken is required: the Slack channel is on because Slack:SigningSecret is set.")
            .Validate(o => SlackOptions.IsBaseUrl(o.ApiBaseUrl), "Slack:ApiBaseUrl must be an absolute http(s) URL ending in '/', such as https://slack.com/api/.")
            .Validate(o => SlackOptions.IsBaseUrl(o.ResponseUrlBase), "Slack:ResponseUrlBase must be an absolute http(s) URL ending in '/'.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(SlackEventLog.Schema);
        services.AddSingleton<SlackEventLog>();
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackQueue>();
        services.AddSingleton<SlackReplayGuard>();
        services.AddSingleton(SlackReplayGuard.Schema);
        services.AddSingleton<SlackPacer>();
        services.AddSingleton<SlackCalls>();
        services.AddSingleton<SlackPostLookup>();
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<SlackConversation>();
        services.AddSingleton<IDigestSender, SlackDigestSender>();
        services.AddHttpClient(SlackCalls.ClientName, (sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            http.Timeout = Timeout.InfiniteTimeSpan; // SlackCalls times each attempt, its reply's body included
        }).RemoveAllLoggers(); // the default loggers write request URLs, and a response_url is a credential
        services.AddHostedService<SlackResponder>();
        return services;
    }

    /// <summary>
    /// <c>/slack/events</c>, <c>/slack/commands</c>, <c>/slack/interactions</c>, all behind the signature check;
    /// mapped only when the channel is on (Slack:SigningSecret set).
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(options.BotToken))
            {
                app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackExtensions).FullName!)
                    .LogWarning("Slack:BotToken is set but Slack:SigningSecret is not, so the Slack channel is off");
            }

            return app;
        }

        var slack = app.MapGroup("/slack").AddEndpointFilter<SlackSignatureFilter>().AddEndpointFilter<SlackReplayFilter>().DisableAntiforgery();
        slack.MapPost("/events", SlackEventsApi.HandleAsync).WithName("SlackEvents");
        slack.MapPost("/commands", SlackCommandsApi.HandleAsync).WithName("SlackCommands");
        slack.MapPost("/interactions", SlackInteractionsApi.HandleAsync).WithName("SlackInteractions");
        return app;
    }
}
