using BriefBot.Tools.StaticVectors;

// Makes BriefBot's static word-piece vectors from the MiniLM sentence encoder: each piece of the model's vocabulary
// is encoded alone, the outputs are centred and reduced to their main directions, then stored as bytes.
// Usage: dotnet run -c Release --project tools/StaticVectors -- OUTPUT_FILE [DIMENSIONS] [minilm|arctic]
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: StaticVectors OUTPUT_FILE [DIMENSIONS] [minilm|arctic]");
    return 2;
}

int dimensions = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 128;
using var model = EncoderModel.Load(args.Length == 3 ? args[2] : "minilm");
var pieces = model.Vocabulary.Where(p => !p.StartsWith("[unused", StringComparison.Ordinal)).ToList();
Console.WriteLine($"Encoding {pieces.Count} word pieces, one at a time…");
var raw = model.EncodeEach(pieces);
Console.WriteLine($"Reducing {raw.GetLength(1)} dimensions to {dimensions}…");
var reduced = Reduction.Pca(raw, dimensions);
VectorFile.Write(args[0], pieces, reduced);
Console.WriteLine($"Wrote {pieces.Count} vectors of {dimensions} dimensions to {args[0]} ({new FileInfo(args[0]).Length / 1024} KB)");
return 0;
