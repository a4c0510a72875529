using Tutor.Lessons.JacobianModes;

namespace Tutor.Lessons.Tests;

/// <summary>jacobian-modes at a reduced timing size (D = K = 200, L = 3; the 1e−10 check runs at LESSONS.md's D=2, K=30, P=10, L=10).</summary>
public sealed class JacobianModesLessonTests(JacobianModesRun run) : IClassFixture<JacobianModesRun>
{
    [Fact]
    public void Reverse_forward_and_generated_Jacobians_agree_to_1e_10()
    {
        Assert.InRange(run.Result.Values["worst-relative-difference"], 0, 1e-10);
        Assert.InRange(run.Result.Values["finite-difference-relative-difference"], 0, 1e-4);
    }

    [Fact]
    public void Reverse_wins_for_one_output_and_forward_wins_for_many()
    {
        Assert.True(run.Result.Values["one-output.L3.forward-seconds"] > run.Result.Values["one-output.L3.reverse-seconds"]);
        Assert.True(run.Result.Values["many-outputs.L3.reverse-seconds"] > run.Result.Values["many-outputs.L3.forward-seconds"]);
    }

    [Fact]
    public void Every_check_passes() =>
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Actual:R}"));

    [Fact]
    public void Report_structure() =>
        run.AssertStructure(["The exercise", "The C# you write", "What the generator wrote", "The Jacobians agree", "Timings", "Why reverse wins", "Checks"]);

    [Fact]
    public void Report_shows_the_student_source_and_the_generated_gradient()
    {
        var code = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(JacobianModesLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), code);
        Assert.Contains(code, c => c.Contains("ProjectGradient(double[] x", StringComparison.Ordinal));
        Assert.Contains("TUT0004", run.Markdown, StringComparison.Ordinal);   // the scalar-return limitation is explained
    }
}
