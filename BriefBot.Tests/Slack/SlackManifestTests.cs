using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace BriefBot.Tests.Slack;

/// <summary>The Slack app manifest and the routes the host serves agree.</summary>
public sealed class SlackManifestTests
{
    private static readonly string ManifestPath = Path.Combine(AppContext.BaseDirectory, "manifest", "slack-app.yaml");

    [Fact]
    public async Task TheManifestNamesEveryRouteTheSlackChannelServesAndNoOther()
    {
        await using var bed = await SlackBed.StartAsync();
        var served = bed.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/slack/", StringComparison.Ordinal))
            .ToHashSet();

        var named = RequestUrls(Manifest()).Select(url => new Uri(url).AbsolutePath).ToHashSet();

        Assert.Equal(3, served.Count);
        Assert.Equal(served.Order(), named.Order());
    }

    [Fact]
    public void TheManifestAsksForTheScopesAndEventsTheFeaturesNeed()
    {
        var root = Manifest();

        var scopes = Sequence(root, "oauth_config", "scopes", "bot");
        var events = Sequence(root, "settings", "event_subscriptions", "bot_events");

        Assert.Subset(scopes.ToHashSet(), new HashSet<string> { "app_mentions:read", "chat:write", "im:history", "channels:history", "groups:history", "mpim:history", "commands" });
        Assert.Equal(["app_mention", "message.im"], events);
        Assert.Equal("true", Scalar(root, "settings", "interactivity", "is_enabled"));
        Assert.Equal("/brief", Scalar((YamlMappingNode)((YamlSequenceNode)Node(root, "features", "slash_commands"))[0], "command"));
        Assert.Equal("true", Scalar(root, "features", "app_home", "messages_tab_enabled"));
    }

    private static YamlMappingNode Manifest()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(ManifestPath);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>Every <c>url</c> and <c>request_url</c> anywhere in the manifest.</summary>
    private static IEnumerable<string> RequestUrls(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(pair =>
            pair.Key.ToString() is "url" or "request_url" ? [pair.Value.ToString()] : RequestUrls(pair.Value)),
        YamlSequenceNode list => list.Children.SelectMany(RequestUrls),
        _ => [],
    };

    private static YamlNode Node(YamlMappingNode root, params string[] path) =>
        path.Aggregate((YamlNode)root, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlMappingNode root, params string[] path) => Node(root, path).ToString();

    private static List<string> Sequence(YamlMappingNode root, params string[] path) =>
        [.. ((YamlSequenceNode)Node(root, path)).Children.Select(c => c.ToString())];
}
