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

// The settings files sit beside the program (appsettings.json is copied to the output), so they are read wherever
// the command starts; relative paths in them still mean the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = CliCommands.ServeArgs(args), ContentRootPath = AppContext.BaseDirectory });

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

return await app.RunToExitCodeAsync();

/// <summary>The entry point; public so integration tests can start the real host.</summary>
public partial class Program;
