using System.Runtime.CompilerServices;
using Tutor.Lessons.ManualBackprop;

namespace Tutor.Lessons.Tests;

/// <summary>Runs the manual-backprop lesson once into a temp folder.</summary>
public sealed class ManualBackpropRun : IDisposable
{
    readonly TempDirectory folder = new();

    public ManualBackpropRun()
    {
        Result = new ManualBackpropLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }

    public void Dispose() => folder.Dispose();
}

public sealed class ManualBackpropLessonTests(ManualBackpropRun run) : IClassFixture<ManualBackpropRun>
{
    static void Within(double expected, double actual, double absolute) =>
        Assert.True(Math.Abs(actual - expected) <= absolute, $"expected {expected:R} within {absolute:E0}, got {actual:R}");

    [Fact]
    public void Forward_pass_matches_LESSONS_md()
    {
        Within(0.5932699921, run.Result.Values["h1"], 1e-9);
        Within(0.5968843783, run.Result.Values["h2"], 1e-9);
        Within(1.1059059671, run.Result.Values["out1"], 1e-9);
        Within(1.2249214041, run.Result.Values["out2"], 1e-9);
        Within(0.6280989774, run.Result.Values["E"], 1e-9);
    }

    [Theory]
    [InlineData("w1", 0.0829397474)]
    [InlineData("w2", 0.0658794948)]
    [InlineData("w3", 0.1751253806)]
    [InlineData("w4", 0.1502507611)]
    [InlineData("w5", -6.1016812443)]
    [InlineData("w6", -6.0912915178)]
    [InlineData("w7", -0.8937181955)]
    [InlineData("w8", -0.8522091622)]
    [InlineData("b_h1", -0.9912050520)]
    [InlineData("b_h2", -1.1474923890)]
    [InlineData("b_o1", -10.3590596710)]
    [InlineData("b_o2", -1.7492140410)]
    public void Parameters_after_one_step_match_LESSONS_md(string name, double expected) =>
        Within(expected, run.Result.Values[name + ".after"], 1e-9);

    [Fact]
    public void Hand_gradient_equals_the_generated_gradient_to_1e_9()
    {
        foreach (var name in ManualBackpropLesson.ParameterNames)
            Within(run.Result.Values[name + ".grad.generated"], run.Result.Values[name + ".grad.hand"], 1e-9);
        Within(run.Result.Values["E.generated"], run.Result.Values["E"], 1e-12);
    }

    [Fact]
    public void Every_check_passes()
    {
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, $"{c.Name}: expected {c.Expected:R}, got {c.Actual:R}"));
        Assert.True(run.Result.Checks.Count >= 50, "every hand step, every gradient, every update and every finite difference is a check");
    }

    [Fact]
    public void Report_has_every_section()
    {
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var expected in new[] { "The exercise", "The C# you write", "What the generator wrote", "The computation graph", "Forward pass by hand",
                                         "Backward pass by hand", "Forward pass (generated trace)", "Backward pass (generated trace)", "Finite-difference check",
                                         "What this teaches", "Checks" })
            Assert.Contains(expected, headings);
    }

    [Fact]
    public void Report_is_well_formed()
    {
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        Assert.True(ReportStructure.MathSpans(run.Markdown) > 50);
        var graph = Assert.Single(ReportStructure.CodeBlocks(run.Markdown, "mermaid"));
        Assert.StartsWith("flowchart", graph.Lines.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("**FAIL**", run.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_shows_the_students_source_and_the_generated_gradient()
    {
        var csharp = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(ManualBackpropLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), csharp);
        Assert.Contains(csharp, c => c.Contains("ErrorGradient(", StringComparison.Ordinal) && c.Contains("h1Bar", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(Root(), "Lessons", "ManualBackprop", "Network.Student.cs")), ManualBackpropLesson.StudentSource);
    }

    [Fact]
    public void The_hidden_activation_used_twice_receives_two_contributions() =>
        Assert.True(run.Markdown.Split('\n').Count(l => l.StartsWith('|') && l.Contains("h̄₁ +=", StringComparison.Ordinal)) >= 2);

    static string Root([CallerFilePath] string f = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(f)!, "..", ".."));
}
