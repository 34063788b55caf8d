namespace BriefBot.Channels.Playground;

/// <summary>
/// The page at <c>/</c>: Microsoft's Web Chat talking to the playground's Direct Line endpoint. Web Chat's script is
/// fetched from npm when BriefBot is built; without it (no npm on the build machine) the page says how to get it.
/// </summary>
internal static class PlaygroundPage
{
    /// <summary>Where the build puts Web Chat's prebuilt bundle (see BriefBot.csproj).</summary>
    public static readonly string WebChatScript = Path.Combine(AppContext.BaseDirectory, "playground", "webchat.js");

    public static IResult Page() => TypedResults.Content(File.Exists(WebChatScript) ? Chat : Missing, "text/html; charset=utf-8");

    public static IResult Script() => File.Exists(WebChatScript)
        ? TypedResults.PhysicalFile(WebChatScript, "text/javascript; charset=utf-8", enableRangeProcessing: false)
        : TypedResults.NotFound();

    private const string Head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>BriefBot playground</title>
          <style>
            html, body { height: 100%; margin: 0; font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; }
            main { max-width: 760px; height: 100%; margin: 0 auto; display: flex; flex-direction: column; background: #fff; }
            header { padding: 12px 16px; border-bottom: 1px solid #ddd; }
            header h1 { font-size: 18px; margin: 0; } header p { margin: 4px 0 0; color: #555; font-size: 13px; }
            #webchat { flex: 1; min-height: 0; } .help { padding: 16px; line-height: 1.5; } code, pre { background: #eee; padding: 2px 4px; }
          </style>
        </head>
        <body>
        <main>
          <header><h1>BriefBot playground</h1><p>Ask about the documents BriefBot has indexed; answers are the cards Teams shows. Try <em>help</em>.</p></header>
        """;

    private const string Chat = Head + """
          <div id="webchat" role="main"></div>
        </main>
        <script src="playground/webchat.js"></script>
        <script>
          (async function () {
            const started = await fetch('v3/directline/conversations', { method: 'POST' });
            if (!started.ok) {
              document.getElementById('webchat').textContent = 'The playground could not start a conversation (' + started.status + ').';
              return;
            }
            const { token } = await started.json();
            const directLine = window.WebChat.createDirectLine({ domain: new URL('v3/directline', location.href).href, token, webSocket: false });
            window.WebChat.renderWebChat(
              { directLine, userID: 'playground-user', username: 'You', locale: 'en-US', styleOptions: { botAvatarInitials: 'BB', userAvatarInitials: 'You' } },
              document.getElementById('webchat'));
            document.querySelector('#webchat input, #webchat textarea')?.focus();
          })();
        </script>
        </body>
        </html>
        """;

    private const string Missing = Head + """
          <div class="help">
            <h2>Web Chat is not installed</h2>
            <p>The playground shows Microsoft's Bot Framework Web Chat, which the build downloads from the npm registry
            (the <code>botframework-webchat</code> package). npm was not available when BriefBot was built.</p>
            <ol>
              <li>Install Node.js with npm: <code>sudo apt-get install -y nodejs npm</code>, or from <a href="https://nodejs.org/">nodejs.org</a>.</li>
              <li>Build again: <code>dotnet build BriefBot</code> (it runs <code>npm ci</code> in <code>BriefBot/Channels/Playground/webchat</code>),
                or by hand: <pre>cd BriefBot/Channels/Playground/webchat &amp;&amp; npm ci</pre></li>
              <li>Restart BriefBot and reload this page.</li>
            </ol>
            <p>Meanwhile BriefBot answers at <code>POST /api/ask</code>, and its Direct Line endpoint <code>/v3/directline</code> is up.</p>
          </div>
        </main>
        </body>
        </html>
        """;
}
