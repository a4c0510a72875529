using Tutor.Lessons.Cli;
using Tutor.Lessons.Reports;

namespace Tutor.Lessons.Tests;

public sealed class CliTests
{
    /// <summary>A lesson that writes a small report from a hand-built trace.</summary>
    sealed class FakeLesson(string id, bool pass = true, bool throws = false) : ILesson
    {
        public string Id => id;
        public string Title => "Fake " + id;
        public string Description => "A fake lesson called " + id + ".";
        public int? SeedSeen { get; private set; }

        public LessonResult Run(LessonContext context)
        {
            SeedSeen = context.Seed;
            if (throws) throw new InvalidOperationException("boom");
            var b = new TraceBuilder("G", "float64");
            b.Input("x", 2, true);
            b.Forward("t1", "Exp", "exp(x)", ["x"], Math.Exp(2));
            b.Seed("t1");
            b.Backward("x", "t1", 1, Math.Exp(2), Math.Exp(2), "∂eᵃ/∂a = eᵃ");
            var md = new MarkdownWriter().Heading(1, Title).ForwardTable(b.Build(Math.Exp(2))).ToString();
            return new LessonResult
            {
                Id = id,
                Headline = "headline of " + id,
                ReportPath = ReportFile.Write(context.PathFor(id + ".md"), md, Title),
                Checks = [new LessonCheck("value", 1, pass ? 1 : 2, 1e-12)],
            };
        }
    }

    static (int Exit, string Out, string Err) Run(LessonRegistry? registry, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = TutorCli.Run(args, output, error, registry);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void List_prints_every_lesson_id_with_its_description()
    {
        var registry = LessonRegistry.Discover();
        var (exit, output, _) = Run(null, "list");
        Assert.Equal(0, exit);
        Assert.NotEmpty(registry.All);
        foreach (var lesson in registry.All)
            Assert.Contains(output.Split('\n'), line => line.StartsWith(lesson.Id, StringComparison.Ordinal) && line.Contains(lesson.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void The_registry_finds_formula_gradient_first()
    {
        Assert.Equal("formula-gradient", LessonRegistry.Discover().All[0].Id);
    }

    [Fact]
    public void Unknown_id_exits_2_and_lists_the_valid_ids()
    {
        var (exit, _, error) = Run(null, "run", "no-such-lesson");
        Assert.Equal(TutorCli.ExitUsage, exit);
        Assert.Contains("'no-such-lesson'", error, StringComparison.Ordinal);
        foreach (var id in LessonRegistry.Discover().Ids)
            Assert.Contains(id, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_without_ids_or_all_exits_2()
    {
        var (exit, _, error) = Run(new LessonRegistry([new FakeLesson("a")]), "run");
        Assert.Equal(TutorCli.ExitUsage, exit);
        Assert.Contains("--all", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_prints_one_line_per_lesson_and_a_summary()
    {
        using var temp = new TempDirectory();
        var (exit, output, _) = Run(new LessonRegistry([new FakeLesson("a"), new FakeLesson("b")]), "run", "--all", "--out", temp.Path);
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("device: cpu", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("PASS a: headline of a", lines[1], StringComparison.Ordinal);
        Assert.Contains("a.md", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("PASS b: headline of b", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("2 lessons run: 2 passed, 0 failed", lines[3], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "a.md")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "b.html")));
    }

    [Fact]
    public void Run_selects_lessons_by_id_and_passes_the_seed()
    {
        using var temp = new TempDirectory();
        var a = new FakeLesson("a");
        var b = new FakeLesson("b");
        var (exit, output, _) = Run(new LessonRegistry([a, b]), "run", "b", "--seed", "7", "--out", temp.Path);
        Assert.Equal(0, exit);
        Assert.Null(a.SeedSeen);
        Assert.Equal(7, b.SeedSeen);
        Assert.DoesNotContain("PASS a", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_seed_is_fixed()
    {
        using var temp = new TempDirectory();
        var a = new FakeLesson("a");
        Run(new LessonRegistry([a]), "run", "a", "--out", temp.Path);
        Assert.Equal(LessonContext.DefaultSeed, a.SeedSeen);
    }

    [Fact]
    public void Quiet_prints_only_the_summary()
    {
        using var temp = new TempDirectory();
        var (exit, output, _) = Run(new LessonRegistry([new FakeLesson("a")]), "run", "a", "--quiet", "--out", temp.Path);
        Assert.Equal(0, exit);
        Assert.StartsWith("1 lesson run: 1 passed, 0 failed", output.Trim(), StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_failing_or_throwing_lesson_exits_1_and_the_others_still_run()
    {
        using var temp = new TempDirectory();
        var registry = new LessonRegistry([new FakeLesson("bad", pass: false), new FakeLesson("boom", throws: true), new FakeLesson("good")]);
        var (exit, output, error) = Run(registry, "run", "--all", "--out", temp.Path);
        Assert.Equal(TutorCli.ExitLessonFailed, exit);
        Assert.Contains("FAIL bad", output, StringComparison.Ordinal);
        Assert.Contains("check 'value' failed", error, StringComparison.Ordinal);
        Assert.Contains("FAIL boom: InvalidOperationException: boom", error, StringComparison.Ordinal);
        Assert.Contains("PASS good", output, StringComparison.Ordinal);
        Assert.Contains("3 lessons run: 1 passed, 2 failed", output, StringComparison.Ordinal);

        // the summary ends with one line per failed lesson saying why
        var summary = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipWhile(l => !l.StartsWith("3 lessons run", StringComparison.Ordinal)).Skip(1).Select(l => l.TrimEnd()).ToList();
        Assert.Equal(["  FAIL bad: value: expected 1, got 2 (relative error 1.00E+000 > 1E-012)", "  FAIL boom: threw InvalidOperationException: boom"], summary);
    }

    [Fact]
    public void The_summary_names_a_failed_bound_check_with_its_measured_value_even_when_quiet()
    {
        using var temp = new TempDirectory();
        var lesson = new BoundLesson();
        var (exit, output, _) = Run(new LessonRegistry([lesson]), "run", "bound", "--quiet", "--out", temp.Path);
        Assert.Equal(TutorCli.ExitLessonFailed, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("1 lesson run: 0 passed, 1 failed", lines[0], StringComparison.Ordinal);
        Assert.Equal("  FAIL bound: test accuracy: measured 0.713 (needs ≥ 0.8)", lines[1]);
    }

    sealed class BoundLesson : ILesson
    {
        public string Id => "bound";
        public string Title => "Bound";
        public string Description => "A lesson that misses a bound.";

        public LessonResult Run(LessonContext context) => new()
        {
            Id = Id,
            Headline = "misses",
            ReportPath = ReportFile.Write(context.PathFor(Id + ".md"), "# Bound\n", Title),
            Checks = [LessonSupport.AtLeast("test accuracy", 0.8, 0.713), LessonSupport.AtMost("error", 0.1, 0.05)],
        };
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LessonRegistry([new FakeLesson("a"), new FakeLesson("a")]));
    }
}
