using Tutor.Lessons;
using Tutor.Lessons.Cli;
using Tutor.Lessons.FormulaGradient;

namespace Tutor.Student.Tests;

public sealed class StepCommandTests
{
    static (int Exit, string Out, string Err) Tutor(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = TutorCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Step_with_redirected_output_prints_the_lessons_whole_trace()
    {
        var (exit, output, error) = Tutor("step", "formula-gradient");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains(Formula.FTrace(FormulaGradientLesson.X, FormulaGradientLesson.Y).ToText(), output, StringComparison.Ordinal);
        Assert.Contains("Trace of F (float64)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_float32_prints_the_single_precision_trace()
    {
        var (exit, output, _) = Tutor("step", "formula-gradient", "--float32");
        Assert.Equal(0, exit);
        Assert.Contains("Trace of F32 (float32)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_of_an_unknown_lesson_is_a_usage_error_naming_the_steppable_lessons()
    {
        var (exit, _, error) = Tutor("step", "no-such-lesson");
        Assert.Equal(TutorCli.ExitUsage, exit);
        Assert.Contains("Unknown lesson id 'no-such-lesson'", error, StringComparison.Ordinal);
        Assert.Contains("formula-gradient", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_without_a_lesson_is_a_parse_error()
    {
        var (exit, _, error) = Tutor("step");
        Assert.NotEqual(0, exit);
        Assert.Contains("Required argument missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_drives_the_terminal_it_is_given_with_the_keys_it_reads()
    {
        var terminal = new ScriptedTerminal(StepperKey.Next, StepperKey.Next, StepperKey.Next, StepperKey.Backward, StepperKey.Next, StepperKey.Quit);
        var root = TutorCli.Build(LessonRegistry.Discover());
        root.Subcommands.Remove(root.Subcommands.Single(c => c.Name == "step"));
        root.Subcommands.Add(StepCommand.Build(LessonRegistry.Discover(), () => terminal));
        int exit = root.Parse(["step", "formula-gradient"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });

        Assert.Equal(0, exit);
        Assert.Equal(6, terminal.Screens.Count);
        var forward3 = string.Join('\n', terminal.Screens[3].Select(l => l.Text));
        Assert.Contains("Forward step 3 of 7: t₃ = ln(x)    (operation Log)", forward3, StringComparison.Ordinal);
        Assert.Contains("backward 1 of 11", terminal.LastScreen, StringComparison.Ordinal);
        Assert.Contains("t̄₂ += t̄₇ · ∂t₇/∂t₂", terminal.LastScreen, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_listed_steppable_lesson_has_a_trace()
    {
        var registry = LessonRegistry.Discover();
        var steppable = StepCommand.Steppable(registry).ToList();
        Assert.Contains("formula-gradient", steppable);
        Assert.All(steppable, id => Assert.NotNull(StepCommand.TraceOf(registry.Find(id)!)));
    }
}
