using Tutor.Lessons.DepthAndInitialisation;

namespace Tutor.Lessons.Tests;

/// <summary>
/// depth-and-initialisation at reduced size: 3000 training and 1000 test digits, 2 epochs (46 steps instead of 310).
/// Thresholds: d = 0.01 and 0.1 ≤ 20% and d = 2.0 ≤ 40% as LESSONS.md; Xavier ≥ 30% here (chance is 10%) (LESSONS.md's 80% is for the
/// full run, which the report states, reached or not).
/// </summary>
public sealed class DepthAndInitialisationLessonTests(DepthRun run) : IClassFixture<DepthRun>
{
    [Fact]
    public void Small_and_large_initialisations_do_not_learn_and_Xavier_does()
    {
        Assert.InRange(run.Result.Values["d = 0.01.test-accuracy"], 0, 0.20);
        Assert.InRange(run.Result.Values["d = 0.1.test-accuracy"], 0, 0.20);
        Assert.InRange(run.Result.Values["d = 2.0.test-accuracy"], 0, 0.40);
        Assert.InRange(run.Result.Values["Xavier.test-accuracy"], 0.30, 1);
    }

    [Fact]
    public void Gradients_vanish_for_small_d_explode_for_large_d_and_stay_sizeable_for_Xavier()
    {
        double Norm(string init, int layer) => run.Result.Values[$"{init}.gradient-norm.{layer}"];
        for (int layer = 1; layer <= 9; layer++)
        {
            Assert.True(Norm("d = 0.01", layer) < 1e-6, $"d = 0.01, layer {layer}: the gradient should have vanished");
            Assert.True(Norm("Xavier", layer) > 1e-2, $"Xavier, layer {layer}: every layer should get a sizeable gradient");
        }
        Assert.True(Norm("d = 2.0", 1) > 10 * Norm("d = 2.0", 9), "d = 2.0: the gradient should grow towards the input");
    }

    [Fact]
    public void Report_structure() =>
        run.AssertStructure(["The exercise", "The C# you write", "Gradient norm per layer", "Training: accuracy per epoch", "Checks"]);

    [Fact]
    public void Report_undoes_the_seeds_running_mean()
    {
        // The seed printed the mean over all epochs so far: 85.36, 87.41, 88.60, 89.43, 90.06. By hand, epoch k's own accuracy
        // is k·m_k − (k−1)·m_(k−1): 85.36, 89.46, 90.98, 91.92, 92.58.
        Assert.Contains("85.36%, 89.46%, 90.98%, 91.92%, 92.58%", run.Markdown, StringComparison.Ordinal);
        Assert.Contains("2340 SGD steps", run.Markdown, StringComparison.Ordinal);   // 5 × ⌊60000/128⌋
    }

    [Fact]
    public void Report_says_whether_Xavier_reached_80_percent()
    {
        bool reached = run.Result.Values["Xavier.test-accuracy"] >= 0.8;
        Assert.Contains(reached ? "That meets LESSONS.md's 80%." : "below LESSONS.md's 80%", run.Markdown, StringComparison.Ordinal);
    }
}
