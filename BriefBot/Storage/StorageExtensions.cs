namespace BriefBot.Storage;

internal static class StorageExtensions
{
    /// <summary>
    /// The SQLite database, opened before the rest of the host starts and watched by /healthz; features add their
    /// tables with <c>AddSingleton(new SchemaPart(...))</c>.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Database>();
        services.AddHostedService<StorageStartup>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        services.AddExceptionHandler<StorageUnavailableHandler>();
        return services;
    }
}
