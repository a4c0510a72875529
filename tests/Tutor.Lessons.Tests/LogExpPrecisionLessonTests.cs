using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Tutor.Lessons.LogExpPrecision;

namespace Tutor.Lessons.Tests;

public sealed class LogExpPrecisionRun : IDisposable
{
    readonly TempDirectory folder = new();

    public LogExpPrecisionRun()
    {
        Result = new LogExpPrecisionLesson().Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public void Dispose() => folder.Dispose();
}

public sealed class LogExpPrecisionLessonTests(LogExpPrecisionRun run) : IClassFixture<LogExpPrecisionRun>
{
    static void Within(double expected, double actual, double absolute) =>
        Assert.True(Math.Abs(actual - expected) <= absolute, $"expected {expected:R} within {absolute:E0}, got {actual:R}");

    [Fact]
    public void Float32_at_2_3_matches_the_seed()
    {
        Within(1.3133, run.Result.Values["naive(2,3).z"], 5e-5);
        Within(-0.7311, run.Result.Values["naive(2,3).dx"], 5e-5);
        Within(0.7311, run.Result.Values["naive(2,3).dy"], 5e-5);
        Within(1.3133, run.Result.Values["stable(2,3).z"], 5e-5);
    }

    [Fact]
    public void At_50_100_the_naive_gradient_is_NaN_and_the_stable_one_is_minus_one_one()
    {
        Assert.True(double.IsNaN(run.Result.Values["naive(50,100).dx"]));
        Assert.True(double.IsNaN(run.Result.Values["naive(50,100).dy"]));
        Assert.Equal(-1.0, run.Result.Values["stable(50,100).dx"]);
        Assert.Equal(1.0, run.Result.Values["stable(50,100).dy"]);
        Assert.Equal(50.0, run.Result.Values["stable(50,100).z"]);
    }

    [Fact]
    public void The_seeds_stable_form_works_at_50_100_and_overflows_at_0_100()
    {
        Assert.Equal(-1.0, run.Result.Values["seed-stable(50,100).dx"]);
        Assert.True(double.IsNaN(run.Result.Values["seed-stable(0,100).dx"]));
        Assert.Equal(-1.0, run.Result.Values["stable(0,100).dx"]);
    }

    [Fact]
    public void Every_check_passes() =>
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, $"{c.Name}: expected {c.Expected:R}, got {c.Actual:R}"));

    /// <summary>The messages the report quotes are the analyzer's own: formatted from its descriptors with the arguments the rules pass.</summary>
    [Fact]
    public void Quoted_analyzer_messages_are_the_descriptors_formatted()
    {
        var descriptors = File.ReadAllText(Path.Combine(Root(), "Generator", "Tutor.Generator", "Numerics", "NumericsDescriptors.cs"));
        string Format(string field) => Regex.Match(descriptors, field + @" = Warning\([^,]+,\s*""[^""]*"",\s*""(?<m>[^""]*)""").Groups["m"].Value;
        var formatted = string.Format(System.Globalization.CultureInfo.InvariantCulture, Format("LogOfSoftmaxRatioRule"), "x", "y", "-StableMath.Softplus(y - x)");
        Assert.True(formatted == LogExpPrecisionLesson.Num0001Message, formatted);
        Assert.Contains("warning NUM0001: " + LogExpPrecisionLesson.Num0001Message, run.Markdown, StringComparison.Ordinal);
        Assert.Contains("warning NUM0006: " + LogExpPrecisionLesson.Num0006Message, run.Markdown, StringComparison.Ordinal);
        Assert.Contains(LogExpPrecisionLesson.FixedLine, run.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_student_file_keeps_the_naive_line_under_a_NUM0001_pragma()
    {
        var source = LogExpPrecisionLesson.StudentSource;
        Assert.Equal(File.ReadAllText(Path.Combine(Root(), "Lessons", "LogExpPrecision", "LogExp.Student.cs")), source);
        Assert.Contains("#pragma warning disable NUM0001", source, StringComparison.Ordinal);
        Assert.Contains(LogExpPrecisionLesson.NaiveLine, source, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_is_well_formed()
    {
        ReportStructure.AssertTablesAreRectangular(run.Markdown);
        ReportStructure.AssertMathCloses(run.Markdown);
        var headings = ReportStructure.Headings(run.Markdown);
        foreach (var h in new[] { "The exercise", "The C# you write", "What the analyzer says about the naive line", "What the generator wrote",
                                  "The computation graph at (50, 100)", "Forward pass at (50, 100)", "Backward pass at (50, 100)", "Results", "What this teaches", "Checks" })
            Assert.Contains(h, headings);
        Assert.Single(ReportStructure.CodeBlocks(run.Markdown, "mermaid"));
        var csharp = ReportStructure.CodeBlocks(run.Markdown, "csharp").Select(b => b.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
        Assert.Contains(LogExpPrecisionLesson.StudentSource.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), csharp);
        Assert.Contains(csharp, c => c.Contains("NaiveGradient(float x, float y)", StringComparison.Ordinal));
    }

    static string Root([CallerFilePath] string f = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(f)!, "..", ".."));
}
