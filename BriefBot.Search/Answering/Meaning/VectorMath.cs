using System.Numerics;

namespace BriefBot.Search.Answering.Meaning;

/// <summary>The little vector arithmetic the word vectors need, with SIMD where the machine has it.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float dot = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    public static void Add(float[] sum, ReadOnlySpan<float> vector) => AddScaled(sum, vector, 1);

    public static void AddScaled(float[] sum, ReadOnlySpan<float> vector, float scale)
    {
        if (vector.IsEmpty)
        {
            return;
        }

        var target = sum.AsSpan();
        int i = 0;
        for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(target[i..]) + scale * new Vector<float>(vector[i..])).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * vector[i];
        }
    }

    public static float[] Normalised(float[] vector)
    {
        float length = MathF.Sqrt(Dot(vector, vector));
        if (length > 0)
        {
            for (int i = 0; i < vector.Length; i++)
            {
                vector[i] /= length;
            }
        }

        return vector;
    }
}
