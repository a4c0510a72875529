using Tutor.Lessons.Optimizers;

namespace Tutor.Lessons.Tests;

/// <summary>Runs optimizers at reduced size (100 Iris epochs, 1000 Rosenbrock steps).</summary>
public sealed class OptimizersRun : IDisposable
{
    readonly TempDirectory folder = new();

    public OptimizersRun()
    {
        Result = new OptimizersLesson { IrisEpochs = 100, RosenbrockSteps = 1000 }.Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;
    public void Dispose() => folder.Dispose();
}

public sealed class OptimizersLessonTests(OptimizersRun run) : IClassFixture<OptimizersRun>
{
    [Fact]
    public void Cross_entropy_gradient_is_softmax_minus_onehot()
    {
        Assert.True(run.Result.Values["ce.closed-form-error"] <= 1e-15);
        Assert.True(run.Result.Values["ce.finite-difference-error"] <= 1e-8);
        var (_, g) = OptimizerProblems.CrossEntropyGradient([1000, 0, -1000], [0, 1, 0]);   // no overflow thanks to the shift
        Assert.Equal([1, -1, 0], g);
    }

    [Fact]
    public void Every_optimizer_lowers_the_Iris_loss_and_momentum_beats_plain_GD()
    {
        foreach (var name in OptimizersLesson.Names)
            Assert.True(run.Result.Values[$"iris.{name}.final-loss"] < run.Result.Values[$"iris.{name}.initial-loss"], name);
        Assert.True(run.Result.Values["iris.momentum.final-loss"] < run.Result.Values["iris.GD.final-loss"]);
        Assert.True(run.Result.Passed);
    }

    [Fact]
    public void Momentum_goes_further_along_the_Rosenbrock_valley_than_GD() =>
        Assert.True(run.Result.Values["rosenbrock.momentum.final-value"] < run.Result.Values["rosenbrock.GD.final-value"]);

    [Fact]
    public void Rosenbrock_gradient_is_the_textbook_one()
    {
        var (f, dx, dy) = OptimizerProblems.RosenbrockGradient(-1.5, 2);
        Assert.Equal(6.25 + 100 * 0.0625, f, 12);
        Assert.Equal(-2 * (1 - -1.5) - 400 * -1.5 * (2 - 2.25), dx, 12);
        Assert.Equal(200 * (2 - 2.25), dy, 12);
    }

    [Fact]
    public void Report_structure_and_figures()
    {
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var h in new[] { "The exercise", "Entropy and cross-entropy, step by step", "The C# you write", "What the generator wrote",
                                  "The update rules", "On the Iris MLP", "On Rosenbrock's function", "What it teaches", "Checks" })
            Assert.Contains(h, headings);
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        foreach (var name in new[] { "iris-loss", "rosenbrock-paths", "rosenbrock-values" })
            Assert.True(File.Exists(Path.Combine(run.Folder, "optimizers", name + ".svg")), name);
    }
}
