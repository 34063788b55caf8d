namespace BriefBot.Storage;

internal static class StorageExtensions
{
    /// <summary>The SQLite database; features add their tables with <c>AddSingleton(new SchemaPart(...))</c>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Database>();
        return services;
    }
}
