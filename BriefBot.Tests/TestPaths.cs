namespace BriefBot.Tests;

/// <summary>Where the test data copied beside the test assembly lives.</summary>
public static class TestPaths
{
    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>The bundled seed corpus, as shipped with the BriefBot executable.</summary>
    public static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds");
}
