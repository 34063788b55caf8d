using System.Text;
using System.Text.Json;

namespace BriefBot.Tests.Host;

/// <summary>The two hosts of the malformed-request table: one in Development, one in Production.</summary>
public sealed class DevelopmentAndProduction : IAsyncLifetime
{
    public AllChannelsBot Development { get; private set; } = null!;

    public AllChannelsBot Production { get; private set; } = null!;

    public AllChannelsBot this[string environment] => environment == "Development" ? Development : Production;

    public async Task InitializeAsync()
    {
        Development = await AllChannelsBot.StartAsync("Development");
        Production = await AllChannelsBot.StartAsync("Production");
    }

    public async Task DisposeAsync()
    {
        await Development.DisposeAsync();
        await Production.DisposeAsync();
    }
}

/// <summary>
/// Every malformed request of TestData/Host/malformed-requests.json, on its real route, gets its 4xx with problem
/// details, never a 5xx, in Development as in Production.
/// </summary>
public sealed class MalformedRequestTests(DevelopmentAndProduction hosts) : IClassFixture<DevelopmentAndProduction>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Rows())
        {
            data.Add("Development", row.GetProperty("name").GetString()!);
            data.Add("Production", row.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AMalformedRequestGetsItsClientErrorAsProblemDetails(string environment, string name)
    {
        var bot = hosts[environment];
        var row = Rows().Single(r => r.GetProperty("name").GetString() == name);
        using var request = bot.Request(row.GetProperty("route").GetString()!, row.GetProperty("sign").GetString()!,
            row.GetProperty("contentType").GetString()!, Body(row, bot));

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(row.GetProperty("status").GetInt32(), (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static IEnumerable<JsonElement> Rows() =>
        JsonDocument.Parse(File.ReadAllText(TestData.PathOf("Host/malformed-requests.json"))).RootElement.GetProperty("cases").EnumerateArray();

    private static byte[] Body(JsonElement row, AllChannelsBot bot)
    {
        string Fill(string text) => text
            .Replace("{serviceUrl}", bot.Teams.Connector.ServiceUrl, StringComparison.Ordinal)
            .Replace("{responseUrl}", Uri.EscapeDataString(new Uri(bot.Slack.ResponseUrlBase, "T1/1/abc").ToString()), StringComparison.Ordinal);

        if (row.TryGetProperty("bodyBase64", out var base64))
        {
            return Convert.FromBase64String(base64.GetString()!);
        }

        if (row.TryGetProperty("repeat", out var repeat))
        {
            var text = new StringBuilder(Fill(repeat.GetProperty("prefix").GetString()!));
            text.Insert(text.Length, repeat.GetProperty("unit").GetString()!, repeat.GetProperty("times").GetInt32());
            return Encoding.UTF8.GetBytes(text.Append(repeat.GetProperty("suffix").GetString()).ToString());
        }

        return Encoding.UTF8.GetBytes(Fill(row.GetProperty("body").GetString()!));
    }
}
