using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BriefBot.Tests.Playground;

/// <summary>A Direct Line 3.0 client as Web Chat uses it when polling: start, post, get after a watermark.</summary>
public sealed class DirectLine(HttpClient http)
{
    public string ConversationId { get; private set; } = "";
    public string Token { get; set; } = "";

    public async Task<HttpResponseMessage> StartAsync()
    {
        var response = await http.PostAsync("/v3/directline/conversations", null);
        if (response.IsSuccessStatusCode)
        {
            var started = await response.Content.ReadFromJsonAsync<JsonElement>();
            ConversationId = started.GetProperty("conversationId").GetString()!;
            Token = started.GetProperty("token").GetString()!;
        }

        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string text, string clientActivityId) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new
        {
            type = "message",
            text,
            from = new { id = "dl_user", name = "Tester", role = "user" },
            locale = "en-US",
            channelData = new { clientActivityID = clientActivityId },
        });

    public Task<HttpResponseMessage> GetAsync(string watermark = "") =>
        SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}", null);

    public async Task<JsonElement> ActivitiesAsync(string watermark = "")
    {
        var response = await GetAsync(watermark);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http.SendAsync(request);
    }
}
