using Tutor.Lessons.GdClosedForm;

namespace Tutor.Lessons.Tests;

public sealed class GdClosedFormRun : IDisposable
{
    readonly TempDirectory folder = new();

    public GdClosedFormRun()
    {
        Result = new GdClosedFormLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;
    public void Dispose() => folder.Dispose();
}

public sealed class GdClosedFormLessonTests(GdClosedFormRun run) : IClassFixture<GdClosedFormRun>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(100)]
    public void Closed_form_equals_the_gradient_descent_iterate(int k) =>
        Assert.True(run.Result.Values[$"k{k}.max-abs-difference"] <= 1e-10, $"{run.Result.Values[$"k{k}.max-abs-difference"]}");

    [Fact]
    public void Converges_below_two_over_lambda_max_and_diverges_just_above()
    {
        Assert.True(run.Result.Values["fraction0.99.final-error"] < 1e-6);
        Assert.True(run.Result.Values["fraction1.01.final-error"] > 1e3);
        Assert.True(run.Result.Values["lambda-max"] > run.Result.Values["lambda-min"]);
        Assert.Contains("λmax = ", run.Result.Headline, StringComparison.Ordinal);
        Assert.True(run.Result.Passed);
    }

    [Fact]
    public void Generated_gradient_is_X_transpose_residual() => Assert.True(run.Result.Values["gradient-error"] < 1e-12);

    [Fact]
    public void Closed_form_on_a_tiny_problem_matches_hand_iteration()
    {
        // X = I (2 × 2), y = (1, 2): each step w ← (1 − α) w + α y; at α = 0.5 from 0, w_1 = y/2, w_2 = 3y/4.
        var A = Tensors.Tensor<double>.Matrix(2, 2, [1, 0, 0, 1]);
        var b = Tensors.Tensor<double>.Matrix(2, 1, [1, 2]);
        var w = GdClosedFormLesson.ClosedForm(A, b, [0, 0], 0.5, [1, 2]);
        Assert.Equal([0.5, 1.0], w[0]);
        Assert.Equal([0.75, 1.5], w[1]);
    }

    [Fact]
    public void Report_structure()
    {
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var h in new[] { "The exercise", "The mathematics", "The C# you write", "What the generator wrote", "The spectrum of XᵀX",
                                  "Closed form against the iterates", "Convergence and divergence around 2/λmax", "What it teaches", "Checks" })
            Assert.Contains(h, headings);
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        Assert.True(File.Exists(Path.Combine(run.Folder, "gd-closed-form", "convergence.svg")));
        Assert.Contains(ReportStructure.CodeBlocks(run.Markdown, "csharp"), b => b.Lines.ToString().Contains("[Differentiable]", StringComparison.Ordinal));
    }
}
