using Markdig.Syntax;
using Tutor.Lessons.ReluConstructions;

namespace Tutor.Lessons.Tests;

public sealed class ReluConstructionsRun : IDisposable
{
    readonly TempDirectory folder = new();

    public ReluConstructionsRun()
    {
        Result = new ReluConstructionsLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;
    public void Dispose() => folder.Dispose();
}

public sealed class ReluConstructionsLessonTests(ReluConstructionsRun run) : IClassFixture<ReluConstructionsRun>
{
    [Fact]
    public void Both_constructions_equal_their_definitions_exactly_on_the_dyadic_grid()
    {
        Assert.Equal(3073, run.Result.Values["triangle.dyadic.points"]);
        Assert.Equal(0, run.Result.Values["triangle.dyadic.differing"]);
        Assert.Equal(0, run.Result.Values["soft.dyadic.differing"]);
        Assert.Equal(0, run.Result.Values["triangle.dyadic.gradient-differing"]);
        Assert.Equal(0, run.Result.Values["soft.dyadic.gradient-differing"]);
    }

    [Fact]
    public void On_decimal_points_the_difference_is_rounding_only()
    {
        Assert.True(run.Result.Values["triangle.decimal.max"] <= Math.Pow(2, -53));
        Assert.Equal(0, run.Result.Values["soft.decimal.differing"]);
    }

    [Theory]
    [InlineData("triangle", 0.0)]
    [InlineData("triangle", 0.5)]
    [InlineData("triangle", 1.0)]
    [InlineData("soft", -0.5)]
    [InlineData("soft", 0.5)]
    public void Gradient_at_each_kink_follows_the_relu_convention(string function, double x) =>
        Assert.Equal(0.0, run.Result.Values[$"{function}.kink.{x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"]);

    [Fact]
    public void Math_Max_spelling_gives_the_half_rule_at_the_outer_tie()
    {
        Assert.Equal(1.0, run.Result.Values["triangle.kink.0.max"]);
        Assert.Equal(-1.0, run.Result.Values["triangle.kink.1.max"]);
    }

    [Fact]
    public void Pointwise_definitions_are_right() // the reference itself, at a few hand-picked points
    {
        Assert.Equal(0.5, ReluConstructionsLesson.TrianglePiecewise(0.25));
        Assert.Equal(0.5, ReluConstructionsLesson.TrianglePiecewise(0.75));
        Assert.Equal(0.0, ReluConstructionsLesson.TrianglePiecewise(1.5));
        Assert.Equal(-0.25, ReluConstructionsLesson.SoftThresholdPiecewise(-0.75, 0.5));
        Assert.Equal(0.0, ReluConstructionsLesson.SoftThresholdPiecewise(0.3, 0.5));
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
                                  "Agreement with the definitions on a dense grid", "The gradient at each kink", "What this teaches", "Checks" })
            Assert.Contains(h, headings);
        Assert.Single(ReportStructure.CodeBlocks(run.Markdown, "mermaid"));
        var links = ReportStructure.Parse(run.Markdown).Descendants<Markdig.Syntax.Inlines.LinkInline>().Where(l => l.IsImage).Select(l => l.Url!).ToList();
        Assert.Equal(2, links.Count);
        foreach (var link in links)
        {
            Assert.True(File.Exists(Path.Combine(run.Folder, link)), link);
            Assert.True(File.Exists(Path.Combine(run.Folder, Path.ChangeExtension(link, ".png"))), link);
        }
        var csharp = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(ReluConstructionsLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), csharp);
    }
}
