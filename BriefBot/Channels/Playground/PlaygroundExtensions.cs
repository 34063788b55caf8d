using BriefBot.Channels.BotFramework;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Playground;

internal static class PlaygroundExtensions
{
    /// <summary>The playground's store and its Connector client; needs <c>AddBotFramework</c> (the Teams handler).</summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PlaygroundStore>();
        services.AddSingleton<PlaygroundBot>();
        services.AddHttpClient(PlaygroundBot.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new PlaygroundTransport(provider.GetRequiredService<PlaygroundStore>()));
        return services;
    }

    /// <summary>
    /// <c>/</c> (the Web Chat page) and the Direct Line endpoint <c>/v3/directline/…</c>, only when the playground is on:
    /// see <see cref="PlaygroundOptions.IsOn"/>. Off, none of these routes exist.
    /// </summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        var bot = app.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaygroundPage));
        if (!options.IsOn(environment, bot))
        {
            logger.LogInformation("The playground is off; set Playground:Enabled=true to turn it on");
            return app;
        }

        if (bot.AuthenticationEnabled)
        {
            logger.LogWarning("!!! The playground is on although MicrosoftAppId is set: anyone who reaches this host can chat with the bot at / !!!");
        }

        if (!File.Exists(PlaygroundPage.WebChatScript))
        {
            logger.LogWarning("Web Chat was not found at {Path}: install npm and build again; the playground page explains how", PlaygroundPage.WebChatScript);
        }

        app.ServiceProvider.GetRequiredService<TrustedServiceUrls>().AllowInProcess(PlaygroundTransport.ServiceUrl);
        app.MapGet("/", PlaygroundPage.Page).ExcludeFromDescription();
        app.MapGet("/playground/webchat.js", PlaygroundPage.Script).ExcludeFromDescription();
        var directLine = app.MapGroup("/v3/directline");
        directLine.MapPost("/conversations", DirectLineApi.Start);
        directLine.MapPost("/tokens/refresh", DirectLineApi.Refresh);
        directLine.MapGet("/conversations/{id}/activities", DirectLineApi.Get);
        directLine.MapPost("/conversations/{id}/activities", DirectLineApi.PostAsync);
        return app;
    }
}
