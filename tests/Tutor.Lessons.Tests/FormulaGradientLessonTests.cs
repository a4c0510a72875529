using System.Runtime.CompilerServices;
using Tutor.Lessons.FormulaGradient;

namespace Tutor.Lessons.Tests;

/// <summary>Runs the lesson once into a temp folder; the tests read its result and its report.</summary>
public sealed class FormulaGradientRun : IDisposable
{
    readonly TempDirectory folder = new();

    public FormulaGradientRun()
    {
        Result = new FormulaGradientLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;

    public void Dispose() => folder.Dispose();
}

public sealed class FormulaGradientLessonTests(FormulaGradientRun run) : IClassFixture<FormulaGradientRun>
{
    static void Near(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"expected {expected:R} within {relative:E0} (relative), got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    [Fact]
    public void Float64_value_and_gradient_match_LESSONS_md()
    {
        Near(584.086940999788, run.Result.Values["float64.f"], 1e-12);
        Near(-19733.407431082, run.Result.Values["float64.dfdx"], 1e-12);
        Near(18322.858108625, run.Result.Values["float64.dfdy"], 1e-12);
    }

    [Fact]
    public void Float32_gradient_matches_the_seeds_PyTorch_output()
    {
        Near(-19733.3965, run.Result.Values["float32.dfdx"], 1e-6);
        Near(18322.8477, run.Result.Values["float32.dfdy"], 1e-6);
    }

    [Fact]
    public void Forward_mode_and_finite_differences_agree_with_reverse_mode()
    {
        Near(run.Result.Values["float64.dfdx"], run.Result.Values["forward.dfdx"], 1e-12);
        Near(run.Result.Values["float64.dfdy"], run.Result.Values["forward.dfdy"], 1e-12);
        Near(run.Result.Values["float64.dfdx"], run.Result.Values["finite-difference.dfdx"], 1e-8);
        Near(run.Result.Values["float64.dfdy"], run.Result.Values["finite-difference.dfdy"], 1e-8);
    }

    [Fact]
    public void Every_check_passes_and_the_headline_gives_the_gradient()
    {
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, $"{c.Name}: expected {c.Expected:R}, got {c.Actual:R}"));
        Assert.True(run.Result.Passed);
        Assert.Equal("∂f/∂x = −19733.407431082, ∂f/∂y = 18322.858108625 (float64); matches finite differences to 1e-8", run.Result.Headline);
        Assert.Equal(LessonContext.DefaultSeed, run.Result.Values["seed"]);
    }

    [Fact]
    public void Report_is_written_as_markdown_and_html()
    {
        Assert.Equal(Path.Combine(run.Folder, "formula-gradient.md"), run.Result.ReportPath);
        var html = File.ReadAllText(Path.Combine(run.Folder, "formula-gradient.html"));
        Assert.Contains("class=\"mermaid\"", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_has_every_section()
    {
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var expected in new[] { "The exercise", "The C# you write", "What the generator wrote", "The derivation", "The computation graph",
                                         "Forward pass", "Backward pass", "Results (float64)", "Finite-difference check", "Checks" })
            Assert.Contains(expected, headings);
        Assert.Contains(headings, h => h.StartsWith("Results (float32)", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_tables_are_rectangular() => ReportStructure.AssertTablesAreRectangular(run.Markdown);

    [Fact]
    public void Report_math_spans_all_close()
    {
        ReportStructure.AssertMathCloses(run.Markdown);
        Assert.True(ReportStructure.MathSpans(run.Markdown) >= 5);
        Assert.Contains(@"\frac{x + e^{y}}{\ln x + (x - y)^{3}}", run.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_has_the_computation_graph()
    {
        var graph = Assert.Single(ReportStructure.CodeBlocks(run.Markdown, "mermaid"));
        var text = graph.Lines.ToString();
        Assert.StartsWith("flowchart", text, StringComparison.Ordinal);
        Assert.Contains("n_x[", text, StringComparison.Ordinal);
        Assert.Contains("n_y[", text, StringComparison.Ordinal);
        Assert.Contains("-->", text, StringComparison.Ordinal);
        Assert.Contains(":::constant", text, StringComparison.Ordinal);   // the exponent 3
    }

    [Fact]
    public void Backward_table_shows_every_contribution_to_x_bar()
    {
        var rows = run.Markdown.Split('\n').Where(l => l.StartsWith('|') && l.Contains("x̄ +=", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count >= 3, $"x appears three times in f (x + eʸ, ln x, x − y), so x̄ needs three contributions; found {rows.Count}.");
    }

    [Fact]
    public void Report_shows_the_students_source_verbatim()
    {
        var csharp = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(FormulaGradientLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), csharp);
    }

    [Fact]
    public void Report_quotes_the_generated_gradient()
    {
        var csharp = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString()).ToList();
        Assert.Contains(csharp, code => code.Contains("FGradient(double x, double y)", StringComparison.Ordinal) && code.Contains("xBar", StringComparison.Ordinal));
    }

    [Fact]
    public void Embedded_student_source_is_the_compiled_file()
    {
        var onDisk = File.ReadAllText(Path.Combine(RepositoryRoot(), "Lessons", "FormulaGradient", "Formula.cs"));
        Assert.Equal(onDisk, FormulaGradientLesson.StudentSource);
    }

    [Fact]
    public void Report_explains_the_float32_cancellation_with_numbers()
    {
        Assert.Contains(@"\ln 3 - 1", run.Markdown, StringComparison.Ordinal);
        Assert.Contains("0.0986", run.Markdown, StringComparison.Ordinal);
        Assert.Contains("3.3", run.Markdown, StringComparison.Ordinal);   // log2(1/0.0986) bits
    }

    static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
