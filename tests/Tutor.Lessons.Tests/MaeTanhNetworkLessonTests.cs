using Tutor.Lessons.MaeTanhNetwork;

namespace Tutor.Lessons.Tests;

/// <summary>Runs mae-tanh-network at reduced size: the full gradient comparison, but 3 epochs of California instead of 40.</summary>
public sealed class MaeTanhNetworkRun : IDisposable
{
    readonly TempDirectory folder = new();

    public MaeTanhNetworkRun()
    {
        Result = new MaeTanhNetworkLesson { Epochs = 3 }.Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;
    public void Dispose() => folder.Dispose();
}

public sealed class MaeTanhNetworkLessonTests(MaeTanhNetworkRun run) : IClassFixture<MaeTanhNetworkRun>
{
    [Theory]
    [InlineData("W1")]
    [InlineData("b1")]
    [InlineData("w2")]
    [InlineData("b2")]
    public void Hand_derived_gradient_equals_the_generated_one_in_float32(string parameter) =>
        Assert.True(run.Result.Values[$"gradient.{parameter}.max-abs-difference"] < 1e-6);

    [Fact]
    public void Training_reduces_the_test_error_even_in_three_epochs()
    {
        // Target variance is about 1.33; three epochs of Adam already get well below it (the 40-epoch run: ≤ 0.55).
        Assert.True(run.Result.Values["test-mse"] < 0.8, $"test MSE {run.Result.Values["test-mse"]}");
        Assert.True(run.Result.Values["test-mse"] < run.Result.Values["first-test-mse"]);
        Assert.Equal(20640 - 207, run.Result.Values["rows"]);
        Assert.True(run.Result.Passed);
    }

    [Fact]
    public void Generated_mse_gradient_matches_finite_differences_in_float32()
    {
        var r = new Training.TutorRandom(5);
        float[] V(int n) { var v = new float[n]; Training.Init.Normal<float>(v, 0, 0.5, r); return v; }
        var w1 = V(6); var b1 = V(3); var w2 = V(3); var x = V(8); var y = V(4);
        var (_, gW1, _, _, _) = TanhNetwork.MseLossGradient(w1, b1, w2, 0.1f, x, y, 4, 2, 3);
        var check = Training.GradientCheck.Check(p => TanhNetwork.MseLoss(p, b1, w2, 0.1f, x, y, 4, 2, 3), w1, gW1);
        Assert.True(check.Passed, check.ToString());
    }

    [Fact]
    public void Report_structure()
    {
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var h in new[] { "The exercise", "The mathematics", "The C# you write", "What the generator wrote",
                                  "Hand-derived against generated gradients (float32)", "California housing", "What it teaches", "Checks" })
            Assert.Contains(h, headings);
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        Assert.Contains("reduced run", run.Markdown, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.Folder, "mae-tanh-network", "mse-curves.svg")));
        Assert.Contains(ReportStructure.CodeBlocks(run.Markdown, "csharp"), b => b.Lines.ToString().Contains("HandGradient", StringComparison.Ordinal));
    }
}
