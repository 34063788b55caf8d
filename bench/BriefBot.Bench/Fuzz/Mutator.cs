using System.Text;
using System.Text.Json.Nodes;

namespace BriefBot.Bench.Fuzz;

/// <summary>One mutated request: its bytes, content type, whether it is signed as the channel signs, and what was done.</summary>
internal sealed record FuzzRequest(byte[] Body, string? ContentType, bool Signed, string Mutation);

/// <summary>
/// Mutates a real payload, deterministically for a given <see cref="Random"/>: most often its structure (fields
/// removed, nulled, retyped, made huge or hostile, nested deep, nulls in lists), else its bytes (cut, flipped, invalid
/// UTF-8, an escaped lone surrogate, a key twice, a whole other body), else its envelope (content type, a body over
/// the limit, a broken signature). Every request stays under 400 KB.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Hostile =
    [
        "<!channel> <@U123> <https://evil.example|click here>", "[click](javascript:alert(1))", "\u202Eexe.txt", "*b* _i_ ~s~ `c`",
        string.Concat(Enumerable.Repeat("<at></a", 4_000)), "digest on 25:99 Mars/Olympus", "digest on 08:30 Europe/Berlin", "digest off",
        "digest now", "help", "sources", "\u0000\u0001\u001f", string.Concat(Enumerable.Repeat("😀", 2_000)), "What did Xi pledge to send to Ukraine?",
        "https://evil.example/" + new string('a', 3_000), "29:" + new string('9', 2_000),
    ];

    private static readonly JsonNode?[] Retyped = [null, 0, -1, 1e308, true, false, "", "x", new JsonArray(), new JsonObject()];

    private static readonly string?[] ContentTypes =
    [
        null, "text/plain", "application/json; charset=\"\"", "application/json; charset=iso-8859-1", "application/xml",
        "multipart/form-data; boundary=x", "application/json", "application/x-www-form-urlencoded",
    ];

    private static readonly string[] Bodies = ["", "null", "true", "[]", "{}", "0", "\"text\"", "{", "payload=", "a=b&&=="];

    public static string ContentTypeOf(SeedKind kind) => kind == SeedKind.Json ? "application/json" : "application/x-www-form-urlencoded";

    public static FuzzRequest Mutate(Seed seed, JsonObject content, Random rng)
    {
        string contentType = ContentTypeOf(seed.Kind);
        int roll = rng.Next(100);
        if (roll < 60)
        {
            var done = Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => Structural(content, rng)).ToList();
            return new FuzzRequest(Write(seed.Kind, content), contentType, true, string.Join("+", done));
        }

        byte[] body = Write(seed.Kind, content);
        if (roll < 85)
        {
            var (bytes, name) = Bytes(body, seed.Kind, rng);
            return new FuzzRequest(bytes, contentType, true, name);
        }

        return rng.Next(3) switch
        {
            0 => new FuzzRequest(body, ContentTypes[rng.Next(ContentTypes.Length)], true, "content type"),
            1 => new FuzzRequest(Oversize(body, seed.Kind, rng), contentType, rng.Next(2) == 0, "over the size limit"),
            _ => new FuzzRequest(body, contentType, false, "signature"),
        };
    }

    public static byte[] Write(SeedKind kind, JsonObject content) => Encoding.UTF8.GetBytes(kind switch
    {
        SeedKind.Json => content.ToJsonString(),
        SeedKind.Form => string.Join('&', content.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(Text(f.Value)))),
        _ => "payload=" + Uri.EscapeDataString(content.ToJsonString()),
    });

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue(out string? s) ? s : value?.ToJsonString() ?? "";

    private static string Structural(JsonObject root, Random rng)
    {
        var nodes = new List<(JsonNode? Parent, object Key, JsonNode? Node)>();
        Collect(root, nodes);
        if (nodes.Count == 0)
        {
            root["fuzz"] = Hostile[rng.Next(Hostile.Length)];
            return "added";
        }

        var (parent, key, node) = nodes[rng.Next(nodes.Count)];
        switch (rng.Next(9))
        {
            case 0:
                Remove(parent!, key);
                return "removed";
            case 1:
                Set(parent!, key, null);
                return "nulled";
            case 2:
                Set(parent!, key, Retyped[rng.Next(Retyped.Length)]?.DeepClone());
                return "retyped";
            case 3:
                Set(parent!, key, new string((char)rng.Next(0x20, 0x7E), 1_000 + rng.Next(60_000)));
                return "huge";
            case 4:
                Set(parent!, key, Hostile[rng.Next(Hostile.Length)]);
                return "hostile";
            case 5:
                var array = nodes.Select(n => n.Node).OfType<JsonArray>().FirstOrDefault();
                if (array is null)
                {
                    root["entities"] = new JsonArray((JsonNode?)null);
                }
                else
                {
                    array.Insert(rng.Next(array.Count + 1), null);
                }

                return "null in a list";
            case 6:
                JsonNode nested = new JsonArray();
                for (int depth = 20 + rng.Next(80); depth > 0; depth--)
                {
                    nested = rng.Next(2) == 0 ? new JsonArray(nested) : new JsonObject { ["n"] = nested };
                }

                Set(parent!, key, nested);
                return "nested";
            case 7 when node is JsonArray { Count: > 0 } list:
                for (int i = rng.Next(50); i > 0; i--)
                {
                    list.Add(list[0]?.DeepClone());
                }

                return "repeated";
            default:
                root[$"unknown{rng.Next(100)}"] = Retyped[rng.Next(Retyped.Length)]?.DeepClone();
                return "added";
        }
    }

    private static (byte[] Body, string Name) Bytes(byte[] body, SeedKind kind, Random rng)
    {
        switch (rng.Next(6))
        {
            case 0:
                return (body[..rng.Next(body.Length + 1)], "cut");
            case 1:
                byte[] flipped = [.. body];
                for (int i = 1 + rng.Next(8); i > 0 && flipped.Length > 0; i--)
                {
                    flipped[rng.Next(flipped.Length)] = (byte)rng.Next(256);
                }

                return (flipped, "bytes flipped");
            case 2:
                byte[][] invalid = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];
                int at = rng.Next(body.Length + 1);
                return ([.. body[..at], .. invalid[rng.Next(invalid.Length)], .. body[at..]], "invalid UTF-8");
            case 3:
                string text = Encoding.UTF8.GetString(body);
                string escape = kind == SeedKind.Json ? "\\ud800" : "%5Cud800";
                int quote = text.IndexOf(kind == SeedKind.Json ? "\":\"" : "=", StringComparison.Ordinal);
                return (Encoding.UTF8.GetBytes(quote < 0 ? text + escape : text.Insert(quote + (kind == SeedKind.Json ? 3 : 1), escape)), "lone surrogate");
            case 4:
                string json = Encoding.UTF8.GetString(body);
                return (Encoding.UTF8.GetBytes(kind == SeedKind.Form ? json + "&" + json : json.StartsWith('{') ? "{\"type\":\"message\"," + json[1..] : json), "key twice");
            default:
                return (Encoding.UTF8.GetBytes(Bodies[rng.Next(Bodies.Length)]), "other body");
        }
    }

    private static byte[] Oversize(byte[] body, SeedKind kind, Random rng)
    {
        int size = 260 * 1024 + rng.Next(140 * 1024);
        byte[] pad = Encoding.ASCII.GetBytes(kind == SeedKind.Json ? " " : "&pad=" + new string('a', 1_000));
        var grown = new List<byte>(size + pad.Length);
        grown.AddRange(body);
        while (grown.Count < size)
        {
            grown.AddRange(pad);
        }

        return [.. grown];
    }

    private static void Collect(JsonNode node, List<(JsonNode? Parent, object Key, JsonNode? Node)> nodes)
    {
        if (nodes.Count > 2_000)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    nodes.Add((o, name, value));
                    if (value is not null)
                    {
                        Collect(value, nodes);
                    }
                }

                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    nodes.Add((a, i, a[i]));
                    if (a[i] is { } item)
                    {
                        Collect(item, nodes);
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject o)
        {
            o.Remove((string)key);
        }
        else if (parent is JsonArray a && (int)key < a.Count)
        {
            a.RemoveAt((int)key);
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o)
        {
            o[(string)key] = value;
        }
        else if (parent is JsonArray a && (int)key < a.Count)
        {
            a[(int)key] = value;
        }
    }
}
