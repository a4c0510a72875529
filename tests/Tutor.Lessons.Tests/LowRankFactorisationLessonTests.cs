using Markdig.Syntax;
using Tutor.Lessons.LowRankFactorisation;

namespace Tutor.Lessons.Tests;

/// <summary>Runs the lesson at full size (1000 epochs on 3×3 and on 150×4 take well under a second).</summary>
public sealed class LowRankFactorisationRun : IDisposable
{
    readonly TempDirectory folder = new();

    public LowRankFactorisationRun()
    {
        Result = new LowRankFactorisationLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;
    public void Dispose() => folder.Dispose();
}

public sealed class LowRankFactorisationLessonTests(LowRankFactorisationRun run) : IClassFixture<LowRankFactorisationRun>
{
    static void Near(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:R} within {relative:E0} (relative), got {actual:R}");

    [Fact]
    public void Small_matrix_GD_is_within_1_percent_of_the_SVD_optimum()
    {
        Near(0.1219108, run.Result.Values["small.svd"], 1e-6);
        Near(run.Result.Values["small.svd"], run.Result.Values["small.gd"], 0.01);
        Assert.True(run.Result.Values["small.gd"] >= run.Result.Values["small.svd"] - 1e-12, "gradient descent cannot beat the Eckart–Young optimum");
    }

    [Fact]
    public void Iris_optimum_is_15_204644_and_the_UCI_rows_give_the_seeds_15_2288()
    {
        Near(15.204644, run.Result.Values["iris.svd"], 1e-7);
        Assert.Equal(15.2288, Math.Round(run.Result.Values["iris.svd.uci"], 4));
        Near(run.Result.Values["iris.svd"], run.Result.Values["iris.gd"], 0.01);
    }

    [Fact]
    public void Generated_gradient_matches_central_differences() => Assert.True(run.Result.Values["fd.worst"] <= 1e-7);

    [Fact]
    public void Iris_file_has_the_corrected_rows()
    {
        var (data, labels) = LowRankFactorisationLesson.LoadIris();
        Assert.Equal(600, data.Length);
        Assert.Equal([4.9, 3.1, 1.5, 0.2], data[(34 * 4)..(35 * 4)]);
        Assert.Equal([4.9, 3.6, 1.4, 0.1], data[(37 * 4)..(38 * 4)]);
        Assert.Equal([50, 50, 50], labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void Every_check_passes() =>
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, $"{c.Name}: expected {c.Expected:R}, got {c.Actual:R}"));

    [Fact]
    public void Report_is_well_formed_with_scatter_plots()
    {
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var h in new[] { "The exercise", "The C# you write", "What the generator wrote", "The 3×3 matrix", "Iris", "The latent coordinates", "What this teaches", "Checks" })
            Assert.Contains(h, headings);
        var images = ReportStructure.Parse(run.Markdown).Descendants<Markdig.Syntax.Inlines.LinkInline>().Where(l => l.IsImage).Select(l => l.Url!).ToList();
        Assert.Contains(images, i => i.EndsWith("svd-latent.svg", StringComparison.Ordinal));
        Assert.Contains(images, i => i.EndsWith("gd-latent.svg", StringComparison.Ordinal));
        Assert.All(images, i => Assert.True(File.Exists(Path.Combine(run.Folder, i)) && File.Exists(Path.Combine(run.Folder, Path.ChangeExtension(i, ".png"))), i));
        Assert.Contains("15.2288", run.Markdown, StringComparison.Ordinal);
        Assert.Contains("UCI", run.Markdown, StringComparison.Ordinal);
        var csharp = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(LowRankFactorisationLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), csharp);
    }
}
