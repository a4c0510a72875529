using Tutor.Lessons.HingeZeroOne;

namespace Tutor.Lessons.Tests;

public sealed class HingeZeroOneRun : IDisposable
{
    readonly TempDirectory folder = new();

    public HingeZeroOneRun()
    {
        Result = new HingeZeroOneLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;
    public void Dispose() => folder.Dispose();
}

public sealed class HingeZeroOneLessonTests(HingeZeroOneRun run) : IClassFixture<HingeZeroOneRun>
{
    [Fact]
    public void Uses_the_zeros_and_ones_of_the_training_part()
    {
        var (features, labels, zeros, ones) = HingeZeroOneLesson.Features();
        Assert.Equal(zeros + ones, labels.Length);
        Assert.Equal(2 * labels.Length, features.Length);
        Assert.Equal(run.Result.Values["examples"], labels.Length);
        Assert.All(labels, l => Assert.True(l == 1 || l == -1));
    }

    [Fact]
    public void Generated_gradient_matches_central_differences() =>
        Assert.True(run.Result.Values["gradient-check.worst-relative-error"] < 1e-6);

    [Fact]
    public void Misclassification_is_reported_honestly()
    {
        // LESSONS.md asks ≤ 2%; with the seed's 1% stopping rule and lr 0.1 the run stops at about 4% (see the report).
        double m = run.Result.Values["misclassified"];
        Assert.InRange(m, 0, 0.1);
        Assert.Equal(m <= 0.02, run.Result.Passed);
        Assert.Contains(m <= 0.02 ? "reached." : "**not reached**", run.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Leave_one_out_neighbour_errors_on_a_hand_worked_set()
    {
        // five points on a line: + at 0, 0.1 and 0.62, − at 1 and 1.1. k = 1: only 0.62 is wrong (its nearest is 1, −): 1/5.
        // k = 3: 0.62 (neighbours 1−, 1.1−, 0.1+), 1 (1.1−, 0.62+, 0.1+) and 1.1 (1−, 0.62+, 0.1+) are wrong: 3/5.
        double[] f = [0, 0, 0.1, 0, 1, 0, 1.1, 0, 0.62, 0];
        double[] y = [1, 1, -1, -1, 1];
        Assert.Equal([0.2, 0.6], HingeZeroOneLesson.LeaveOneOutNeighbourErrors(f, y, [1, 3]));
    }

    [Fact]
    public void Report_shows_how_far_the_two_features_can_go()
    {
        Assert.Contains("How far these two features can go", ReportStructure.Headings(run.Markdown));
        Assert.InRange(run.Result.Values["knn.best-loo-error"], 0, 0.1);
        Assert.Equal(new HingeZeroOneLesson().MaxIterations, run.Result.Values["continued.iterations"]);
        Assert.InRange(run.Result.Values["continued.misclassified"], 0, 0.1);
    }

    [Fact]
    public void Report_structure_and_a_region_plot_every_20_iterations()
    {
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var h in new[] { "The exercise", "The mathematics", "The C# you write", "What the generator wrote", "Training",
                                  "Predicted regions every 20 iterations", "What it teaches", "Checks" })
            Assert.Contains(h, headings);
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        int iterations = (int)run.Result.Values["iterations"];
        Assert.Equal(iterations / 20 + 1 + (iterations % 20 == 0 ? 0 : 1), (int)run.Result.Values["figures"]);
        foreach (var link in System.Text.RegularExpressions.Regex.Matches(run.Markdown, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value))
            Assert.True(File.Exists(Path.Combine(run.Folder, link)), link);
    }
}
