using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefBot.Digests;

internal static class DigestsExtensions
{
    /// <summary>
    /// Daily digests: subscriptions and run records in SQLite, the schedule on the injected clock, the composer and
    /// the <c>digest</c> commands. Channels add their <see cref="IDigestSender"/>.
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _),
                "Digests:DefaultTimeZone must be an IANA time zone id such as Europe/Berlin.")
            .ValidateOnStart();
        services.AddSingleton(DigestSchema.Part);
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<DigestRuns>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<DigestCommands>();
        services.AddHostedService<DigestService>();
        return services;
    }
}
