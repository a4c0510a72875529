using Markdig.Syntax;
using Tutor.Lessons.RegressionThreeModels;

namespace Tutor.Lessons.Tests;

/// <summary>Runs the lesson at full size: 100000 epochs of 20 points take about a second.</summary>
public sealed class RegressionThreeModelsRun : IDisposable
{
    readonly TempDirectory folder = new();

    public RegressionThreeModelsRun()
    {
        Result = new RegressionThreeModelsLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;
    public void Dispose() => folder.Dispose();
}

public sealed class RegressionThreeModelsLessonTests(RegressionThreeModelsRun run) : IClassFixture<RegressionThreeModelsRun>
{
    static void Near(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:R} within {relative:E0} (relative), got {actual:R}");

    [Fact]
    public void Last_logged_losses_are_within_2_percent_of_the_seeds()
    {
        Near(1.1882108449935913, run.Result.Values["quadratic.last-logged"], 0.02);
        Near(1.188001275062561, run.Result.Values["linear.last-logged"], 0.02);
        Near(1.2211220264434814, run.Result.Values["no-bias.last-logged"], 0.02);
    }

    [Fact]
    public void No_bias_weight_is_within_0_01_of_the_seeds() =>
        Assert.InRange(run.Result.Values["no-bias.theta0"], 42.0557 - 0.01, 42.0557 + 0.01);

    [Fact]
    public void Least_squares_optimum_matches_LESSONS_md()
    {
        Near(0.53439, run.Result.Values["quadratic.ls0"], 1e-5);
        Near(41.97083, run.Result.Values["quadratic.ls1"], 1e-6);
        Near(0.00011916, run.Result.Values["quadratic.ls2"], 5e-5);
        Near(1.172632, run.Result.Values["quadratic.ls-mse"], 1e-6);
        Near(0.53157, run.Result.Values["linear.ls0"], 1e-5);
        Near(41.97212, run.Result.Values["linear.ls1"], 1e-6);
        Near(1.172632, run.Result.Values["linear.ls-mse"], 1e-6);
        Near(42.05671, run.Result.Values["no-bias.ls0"], 1e-6);
        Near(1.220839, run.Result.Values["no-bias.ls-mse"], 1e-6);
    }

    [Fact]
    public void Every_check_passes() =>
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, $"{c.Name}: expected {c.Expected:R}, got {c.Actual:R}"));

    [Fact]
    public void Report_is_well_formed_with_figures_that_resolve()
    {
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var h in new[] { "The exercise", "The C# you write", "What the generator wrote", "The computation graph", "Forward pass", "Backward pass",
                                  "Gradient check", "Training: logged losses against the seed", "Results against least squares", "What this teaches", "Checks" })
            Assert.Contains(h, headings);
        Assert.Single(ReportStructure.CodeBlocks(run.Markdown, "mermaid"));
        var images = ReportStructure.Parse(run.Markdown).Descendants<Markdig.Syntax.Inlines.LinkInline>().Where(l => l.IsImage).Select(l => l.Url!).ToList();
        Assert.Equal(4, images.Count);
        Assert.All(images, i => Assert.True(File.Exists(Path.Combine(run.Folder, i)) && File.Exists(Path.Combine(run.Folder, Path.ChangeExtension(i, ".png"))), i));
        var csharp = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(RegressionThreeModelsLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), csharp);
    }
}
