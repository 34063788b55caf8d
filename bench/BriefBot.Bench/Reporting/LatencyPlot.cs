using System.Globalization;
using BriefBot.Bench.InProcess;

namespace BriefBot.Bench.Reporting;

/// <summary>Answer latency (p50, p95, p99) against corpus size, log-log, as a PNG.</summary>
internal static class LatencyPlot
{
    private const int Left = 90, Right = 150, Top = 50, Bottom = 70;

    private static readonly (string Name, Func<CorpusResult, double> Value, (byte, byte, byte) Color)[] Series =
    [
        ("p50", r => r.Answer.P50, (31, 119, 180)),
        ("p95", r => r.Answer.P95, (255, 127, 14)),
        ("p99", r => r.Answer.P99, (214, 39, 40)),
    ];

    public static void Write(string path, IReadOnlyList<CorpusResult> corpora)
    {
        var points = corpora.Where(c => c.Passages > 0 && c.Answer.Count > 0).OrderBy(c => c.Passages).ToList();
        var canvas = new Raster(860, 520);
        if (points.Count == 0)
        {
            canvas.Save(path);
            return;
        }

        double xMin = Math.Floor(Math.Log10(points[0].Passages)), xMax = Math.Max(xMin + 1, Math.Ceiling(Math.Log10(points[^1].Passages)));
        double yMin = Math.Floor(Math.Log10(Math.Max(0.01, points.Min(p => p.Answer.P50))));
        double yMax = Math.Max(yMin + 1, Math.Ceiling(Math.Log10(points.Max(p => p.Answer.P99))));
        int plotW = canvas.Width - Left - Right, plotH = canvas.Height - Top - Bottom;
        int X(double passages) => Left + (int)Math.Round((Math.Log10(passages) - xMin) / (xMax - xMin) * plotW);
        int Y(double ms) => Top + plotH - (int)Math.Round((Math.Log10(Math.Max(ms, 0.01)) - yMin) / (yMax - yMin) * plotH);

        var grey = ((byte)220, (byte)220, (byte)220);
        var black = ((byte)0, (byte)0, (byte)0);
        for (double e = xMin; e <= xMax; e++)
        {
            int x = X(Math.Pow(10, e));
            canvas.Line(x, Top, x, Top + plotH, grey);
            string label = Passages(Math.Pow(10, e));
            canvas.Text(x - (Raster.TextWidth(label) / 2), Top + plotH + 10, label, black);
        }

        for (double e = yMin; e <= yMax; e++)
        {
            int y = Y(Math.Pow(10, e));
            canvas.Line(Left, y, Left + plotW, y, grey);
            string label = Math.Pow(10, e).ToString("0.##", CultureInfo.InvariantCulture);
            canvas.Text(Left - 10 - Raster.TextWidth(label), y - 5, label, black);
        }

        canvas.Line(Left, Top, Left, Top + plotH, black, 2);
        canvas.Line(Left, Top + plotH, Left + plotW, Top + plotH, black, 2);
        canvas.Text(Left, 15, "answer latency (ms) against corpus size (passages), log-log", black);
        canvas.Text(Left + (plotW / 2) - (Raster.TextWidth("passages") / 2), canvas.Height - 30, "passages", black);

        foreach (var point in points)
        {
            canvas.Text(X(point.Passages) - (Raster.TextWidth(point.Name) / 2), Y(point.Answer.P99) - 20, point.Name, black);
        }

        for (int s = 0; s < Series.Length; s++)
        {
            var (name, value, color) = Series[s];
            for (int i = 0; i < points.Count; i++)
            {
                int x = X(points[i].Passages), y = Y(value(points[i]));
                canvas.Dot(x, y, 4, color);
                if (i > 0)
                {
                    canvas.Line(X(points[i - 1].Passages), Y(value(points[i - 1])), x, y, color, 2);
                }
            }

            int legendY = Top + 10 + (s * 24);
            canvas.Line(Left + plotW + 20, legendY + 5, Left + plotW + 50, legendY + 5, color, 3);
            canvas.Text(Left + plotW + 58, legendY, name, black);
        }

        canvas.Save(path);
    }

    public static string Passages(double n) => n switch
    {
        >= 1e6 => (n / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (n / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => n.ToString("0", CultureInfo.InvariantCulture),
    };
}
