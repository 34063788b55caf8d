namespace BriefBot.Tests;

/// <summary>Reads the data files behind data-driven tests ('#' lines are comments).</summary>
public static class TestData
{
    public static string PathOf(string relative) => Path.Combine(TestPaths.TestData, relative);

    public static TheoryData<string> Lines(string relative)
    {
        var data = new TheoryData<string>();
        foreach (string line in Content(relative))
        {
            data.Add(line);
        }

        return data;
    }

    /// <summary>Tab-separated rows of two columns; a missing second column is empty.</summary>
    public static TheoryData<string, string> Rows(string relative)
    {
        var data = new TheoryData<string, string>();
        foreach (string line in Content(relative))
        {
            string[] cells = line.Split('\t');
            data.Add(cells[0], cells.Length > 1 ? cells[1] : "");
        }

        return data;
    }

    private static IEnumerable<string> Content(string relative) =>
        File.ReadAllLines(PathOf(relative)).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
