using System.Text;

namespace BriefBot.Tools.StaticVectors;

/// <summary>
/// Writes the vectors in the format BriefBot.Search reads (<c>Answering/Meaning/WordVectors.cs</c>): "BBWV", version,
/// count, dimensions, then per piece its text, a scale, and one signed byte per dimension (value = byte × scale).
/// </summary>
internal static class VectorFile
{
    public static void Write(string path, IReadOnlyList<string> pieces, float[,] vectors)
    {
        int dimensions = vectors.GetLength(1);
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write("BBWV"u8);
        writer.Write(1);
        writer.Write(pieces.Count);
        writer.Write(dimensions);
        for (int i = 0; i < pieces.Count; i++)
        {
            float largest = 0;
            for (int d = 0; d < dimensions; d++)
            {
                largest = Math.Max(largest, Math.Abs(vectors[i, d]));
            }

            float scale = largest > 0 ? largest / 127f : 1f;
            writer.Write(pieces[i]);
            writer.Write(scale);
            for (int d = 0; d < dimensions; d++)
            {
                writer.Write((sbyte)Math.Round(vectors[i, d] / scale));
            }
        }
    }
}
