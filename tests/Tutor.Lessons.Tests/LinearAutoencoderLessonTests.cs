using Tutor.Lessons.LinearAutoencoder;

namespace Tutor.Lessons.Tests;

/// <summary>linear-autoencoder reduced: 400 steps per learning rate instead of 1000 (same 1% bound), no replay of the seed's chained runs, part (c) on 300 MNIST images.</summary>
public sealed class LinearAutoencoderLessonTests(LinearAutoencoderRun run) : IClassFixture<LinearAutoencoderRun>
{
    [Fact]
    public void Zero_start_has_exactly_zero_gradients_and_the_loss_stays_half_the_norm()
    {
        Assert.Equal(0.0, run.Result.Values["zero.max-gradient"]);
        Assert.Equal(run.Result.Values["zero.half-norm"], run.Result.Values["zero.last-loss"], 1e-9);
    }

    [Fact]
    public void Best_loss_is_within_1_percent_of_the_Eckart_Young_bound()
    {
        double bound = run.Result.Values["bound"], best = run.Result.Values["best-loss"];
        Assert.InRange(best, bound * (1 - 1e-9), bound * 1.01);
        Assert.InRange(run.Result.Values["generated-vs-tensor"], 0, 1e-12);
    }

    [Fact]
    public void Learning_rate_0_1_diverges_and_is_above_2_over_lambda_max()
    {
        Assert.True(run.Result.Values["lr0.1.diverged-at"] >= 0);
        Assert.True(0.1 > 2 / run.Result.Values["lambda-max"]);
        Assert.True(run.Result.Values["lr0.001.diverged-at"] < 0);
        Assert.Contains("likely above 2/λmax", run.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_check_passes() =>
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Actual:R}"));

    [Fact]
    public void Mnist_throughput_is_measured() => Assert.True(run.Result.Values["mnist.batch1.images-per-second"] > 0);

    [Fact]
    public void Report_structure() =>
        run.AssertStructure(["The exercise", "The C# you write", "What the generator wrote", "(a) Zero initialisation", "Checking the gradient",
                             "(b) A small random start", "Why lr 0.1 diverges", "(c) The same model on MNIST", "Checks"]);

    [Fact]
    public void Report_shows_the_student_source_verbatim()
    {
        var code = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(LinearAutoencoderLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), code);
    }
}
