using BriefBot.Storage;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// The bot joining or leaving a team, chat or personal scope (<c>conversationUpdate</c> with the bot among the
/// members, or <c>installationUpdate</c>): stores or forgets the conversation reference, and greets once on arrival.
/// </summary>
internal sealed class MembershipHandler(
    ConversationReferenceStore references, TrustedServiceUrls trust, ConnectorClient connector, ILogger<MembershipHandler> logger)
{
    public const string Greeting =
        "Hi, I'm BriefBot. Ask me a question (mention me in a channel) and I answer with a quote from the sources and " +
        "where it comes from, or tell you when they don't say. Say **help** for what I can do.";

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation is not { } where || activity.Recipient is not { } bot || activity.ServiceUrl is not { } serviceUrl)
        {
            return;
        }

        string channel = activity.ChannelId ?? "msteams";
        if (Removed(activity, bot))
        {
            int forgotten = await references.ForgetAsync(channel, TeamId(activity) ?? where.Id, cancellationToken);
            logger.LogInformation("Removed from conversation {ConversationId}; forgot {Count} references", where.Id, forgotten);
            return;
        }

        if (!Added(activity, bot))
        {
            return;
        }

        // A stored reference makes its service URL trusted with the bot's token, so only a channel token's may be kept.
        var reference = new ConversationReference(channel, where.Id, serviceUrl, where.ConversationType,
            where.TenantId ?? TenantId(activity), TeamId(activity), bot.Id, bot.Name);
        if (!trust.IsVouched(serviceUrl) || await references.SaveAsync(reference, cancellationToken))
        {
            logger.LogInformation("Added to conversation {ConversationId} ({ConversationType})", where.Id, where.ConversationType);
            await connector.SendToConversationAsync(serviceUrl, where.Id, ReplyRenderer.Text(activity, Greeting) with { ReplyToId = null }, cancellationToken);
        }
    }

    private static bool Added(Activity activity, ChannelAccount bot) => activity.Type == ActivityTypes.InstallationUpdate
        ? activity.Action?.StartsWith("add", StringComparison.Ordinal) == true
        : activity.MembersAdded?.Any(m => m.Id == bot.Id) == true;

    private static bool Removed(Activity activity, ChannelAccount bot) => activity.Type == ActivityTypes.InstallationUpdate
        ? activity.Action?.StartsWith("remove", StringComparison.Ordinal) == true
        : activity.MembersRemoved?.Any(m => m.Id == bot.Id) == true;

    private static string? TeamId(Activity activity) => ChannelData(activity, "team");

    private static string? TenantId(Activity activity) => ChannelData(activity, "tenant");

    private static string? ChannelData(Activity activity, string property) =>
        activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
        && data.TryGetProperty(property, out var value)
        && value.ValueKind == System.Text.Json.JsonValueKind.Object
        && value.TryGetProperty("id", out var id)
        && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString()
            : null;
}
