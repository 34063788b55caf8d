using BriefBot.Channels.BotFramework;
using BriefBot.Conversation;
using BriefBot.Rephrasing;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace BriefBot.Channels.Playground;

/// <summary>
/// Hands a playground message to the Teams <see cref="MessageHandler"/>, with a Connector client of its own: its
/// transport is <see cref="PlaygroundTransport"/> and its token source has no credentials, so the bot's token is never
/// fetched for, nor sent with, a playground reply, and the Teams client's trust rules stay as they are.
/// </summary>
internal sealed class PlaygroundBot(
    IHttpClientFactory httpClients,
    ConversationService conversation,
    TeamsDigestCommands digests,
    RephraseQueue rephrasing,
    TrustedServiceUrls trust,
    IMsalHttpClientFactory msal,
    IOptions<TeamsOptions> teams,
    TimeProvider clock,
    ILoggerFactory logs)
{
    public const string ChannelId = "playground";
    public const string HttpClientName = "Playground.Connector";

    /// <summary>Who the user talks to; the bot's replies come from this account.</summary>
    public static readonly ChannelAccount Account = new("briefbot", "BriefBot");

    private readonly ConnectorTokens _noCredentials = new(Options.Create(new BotFrameworkOptions()), msal);

    /// <summary>Answers run inside the user's POST; a few at a time across all playground conversations.</summary>
    private readonly SemaphoreSlim _answering = new(4);

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        await _answering.WaitAsync(cancellationToken);
        try
        {
            var connector = new ConnectorClient(httpClients.CreateClient(HttpClientName), _noCredentials, trust, logs.CreateLogger<ConnectorClient>());
            await new MessageHandler(conversation, digests, connector, rephrasing, teams, clock, logs.CreateLogger<MessageHandler>()).HandleAsync(activity, cancellationToken);
        }
        finally
        {
            _answering.Release();
        }
    }
}
