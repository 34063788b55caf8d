using BriefBot.Storage;

namespace BriefBot.Conversation;

internal static class ConversationExtensions
{
    /// <summary>Commands, questions and feedback shared by every channel.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton(QuestionLog.Schema);
        services.AddSingleton(FeedbackStore.Schema);
        services.AddSingleton<QuestionLog>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<ConversationService>();
        return services;
    }
}
