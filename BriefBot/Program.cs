using BriefBot.Answers;
using BriefBot.Channels.BotFramework;
using BriefBot.Channels.Playground;
using BriefBot.Channels.Slack;
using BriefBot.Cli;
using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Hosting;
using BriefBot.Rephrasing;
using BriefBot.Storage;

if (CliCommands.TryRun(args, out int exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(CliCommands.ServeArgs(args));

builder.Services.AddRequestLimits();
builder.Services.AddStorage();
builder.Services.AddAnswers();
builder.Services.AddConversation();
builder.Services.AddSlack();
builder.Services.AddDigests();
builder.Services.AddRephrasing();
builder.Services.AddBotFramework();
builder.Services.AddPlayground();

var app = builder.Build();

app.UseProblemResponses();

app.MapHealth();
app.MapAskApi();
app.MapSlack();
app.MapBotFramework();
app.MapPlayground();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so integration tests can start the real host.</summary>
public partial class Program;
