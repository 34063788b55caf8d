using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefBot.Rephrasing;

internal static class RephrasingExtensions
{
    /// <summary>The optional LLM rephrasing, configured by the "OpenAI" section and checked at start; off by default.</summary>
    public static IServiceCollection AddRephrasing(this IServiceCollection services)
    {
        services.AddOptions<OpenAIOptions>()
            .BindConfiguration(OpenAIOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIOptions>, OpenAIOptionsValidator>());
        services.AddSingleton<RephrasingService>();
        return services;
    }
}
