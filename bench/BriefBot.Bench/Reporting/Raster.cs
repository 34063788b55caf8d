namespace BriefBot.Bench.Reporting;

/// <summary>An RGB canvas with just what a plot needs: lines, dots, and text in a 3×5 pixel font.</summary>
internal sealed class Raster(int width, int height)
{
    private readonly byte[] _rgb = Enumerable.Repeat((byte)255, width * height * 3).ToArray();

    public int Width => width;

    public int Height => height;

    public void Save(string path) => Png.Write(path, width, height, _rgb);

    public void Set(int x, int y, (byte R, byte G, byte B) color)
    {
        if (x < 0 || y < 0 || x >= width || y >= height)
        {
            return;
        }

        int i = ((y * width) + x) * 3;
        (_rgb[i], _rgb[i + 1], _rgb[i + 2]) = color;
    }

    /// <summary>A line <paramref name="thickness"/> pixels wide (Bresenham, drawn as a square brush).</summary>
    public void Line(int x0, int y0, int x1, int y1, (byte, byte, byte) color, int thickness = 1)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        while (true)
        {
            Dot(x0, y0, thickness / 2, color);
            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            int e2 = 2 * error;
            if (e2 >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    public void Dot(int cx, int cy, int radius, (byte, byte, byte) color)
    {
        for (int y = -radius; y <= radius; y++)
        {
            for (int x = -radius; x <= radius; x++)
            {
                if ((x * x) + (y * y) <= (radius * radius) + radius)
                {
                    Set(cx + x, cy + y, color);
                }
            }
        }
    }

    /// <summary>Text at (x, y) top-left, each font pixel drawn as scale×scale.</summary>
    public void Text(int x, int y, string text, (byte, byte, byte) color, int scale = 2)
    {
        foreach (char c in text)
        {
            ushort glyph = PixelFont.Glyph(c);
            for (int row = 0; row < 5; row++)
            {
                for (int col = 0; col < 3; col++)
                {
                    if ((glyph >> (14 - ((row * 3) + col)) & 1) == 1)
                    {
                        for (int p = 0; p < scale * scale; p++)
                        {
                            Set(x + (col * scale) + (p % scale), y + (row * scale) + (p / scale), color);
                        }
                    }
                }
            }

            x += 4 * scale;
        }
    }

    public static int TextWidth(string text, int scale = 2) => text.Length * 4 * scale;
}
