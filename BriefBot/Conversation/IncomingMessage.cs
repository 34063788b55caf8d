namespace BriefBot.Conversation;

/// <summary>
/// A message to BriefBot, whatever channel it came from: the text with any @mention removed, and where it was said.
/// </summary>
/// <param name="Channel">"msteams", "slack", "webchat", "emulator", ...</param>
/// <param name="ConversationId">The channel's id of the conversation (a Teams channel thread, a Slack channel or DM).</param>
/// <param name="UserId">The channel's id of the person asking.</param>
/// <param name="Text">What they wrote, without the mention of the bot.</param>
internal sealed record IncomingMessage(string Channel, string ConversationId, string? UserId, string Text);
