namespace BriefBot.Tools.StaticVectors;

/// <summary>Principal component analysis: centre the vectors and keep their coordinates along the main directions.</summary>
internal static class Reduction
{
    public static float[,] Pca(float[,] vectors, int dimensions)
    {
        int n = vectors.GetLength(0), d = vectors.GetLength(1);
        if (dimensions <= 0 || dimensions > d)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"between 1 and {d}");
        }

        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                mean[j] += vectors[i, j] / (double)n;
            }
        }

        var covariance = new double[d, d];
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                row[j] = vectors[i, j] - mean[j];
            }

            for (int a = 0; a < d; a++)
            {
                for (int b = a; b < d; b++)
                {
                    covariance[a, b] += row[a] * row[b];
                }
            }
        }

        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < a; b++)
            {
                covariance[a, b] = covariance[b, a];
            }
        }

        var (values, axes) = Jacobi.Eigen(covariance);
        var order = Enumerable.Range(0, d).OrderByDescending(k => values[k]).Take(dimensions).ToArray();
        var result = new float[n, dimensions];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < dimensions; k++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++)
                {
                    sum += (vectors[i, j] - mean[j]) * axes[j, order[k]];
                }

                result[i, k] = (float)sum;
            }
        }

        return result;
    }
}
